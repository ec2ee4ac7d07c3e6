package org.notifyhub.broadcasts;

import java.util.Map;

/** A mobile network's CBC proxy function: true when it took the payload (Notify's _invoke_lambda). */
public interface CbcProxy {

    boolean invoke(String functionName, Map<String, Object> payload);
}
