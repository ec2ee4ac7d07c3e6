package org.notifyhub.broadcasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default's stand-in for the networks: every proxy function takes every payload, so approved broadcasts
 * run the whole path (events, provider messages, acknowledgements) with no AWS account. It keeps the last payloads.
 */
public class SimulatedCbcProxy implements CbcProxy {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCbcProxy.class);
    private static final int KEPT = 100;

    public record Invocation(String functionName, Map<String, Object> payload) {
    }

    private final List<Invocation> invocations = new ArrayList<>();

    @Override
    public synchronized boolean invoke(String functionName, Map<String, Object> payload) {
        log.info("Simulated CBC proxy {} took message_type {} ({})", functionName, payload.get("message_type"),
                payload.get("identifier"));
        invocations.add(new Invocation(functionName, payload));
        if (invocations.size() > KEPT) {
            invocations.remove(0);
        }
        return true;
    }

    public synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }
}
