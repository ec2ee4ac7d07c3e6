package org.notifyhub.letters.collation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code dvla:<folder>?<options>}: a folder on DVLA's server over the configured protocol, the address, login and
 * host key checking filled in by {@link DvlaServer}, so a route names only its own options.
 */
public class DvlaComponent extends DefaultComponent {

    private final DvlaServer server;

    public DvlaComponent(DvlaServer server) {
        this.server = server;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        Map<String, Object> options = new LinkedHashMap<>(parameters);
        // Every option is the real endpoint's to check.
        parameters.clear();
        return server.folder(remaining, options);
    }
}
