package org.notifyhub.broadcasts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The CBC proxies as Notify ran them: AWS Lambda functions invoked RequestResponse. A client error, a status above
 * 299 or a function error is a failure; the caller decides what follows (failover, retry).
 */
public class LambdaCbcProxy implements CbcProxy, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaCbcProxy.class);

    private final LambdaClient lambda;
    private final ObjectMapper mapper;

    public LambdaCbcProxy(LambdaClient lambda, ObjectMapper mapper) {
        this.lambda = lambda;
        this.mapper = mapper;
    }

    @Override
    public boolean invoke(String functionName, Map<String, Object> payload) {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a CBC payload", e);
        }
        log.info("Calling lambda {} with payload {}", functionName, json.substring(0, Math.min(json.length(), 1000)));
        InvokeResponse response;
        try {
            response = lambda.invoke(request -> request.functionName(functionName)
                    .invocationType(InvocationType.REQUEST_RESPONSE).payload(SdkBytes.fromUtf8String(json)));
        } catch (SdkException e) {
            log.warn("Error calling lambda {}: {}", functionName, e.getMessage());
            return false;
        }
        if (response.statusCode() > 299) {
            log.warn("Error calling lambda {} with status code {}", functionName, response.statusCode());
            return false;
        }
        if (response.functionError() != null) {
            log.warn("Error calling lambda {} with function error {}", functionName,
                    response.payload() == null ? "" : response.payload().asUtf8String());
            return false;
        }
        return true;
    }

    /** Spring closes the client with the context. */
    @Override
    public void close() {
        lambda.close();
    }
}
