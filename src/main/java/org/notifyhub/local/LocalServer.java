package org.notifyhub.local;

import java.util.Map;

/** An in-process server that stands in for a production dependency on the local default. */
public interface LocalServer extends AutoCloseable {

    /** Properties that point the hub at this server. */
    Map<String, Object> properties();

    @Override
    void close();
}
