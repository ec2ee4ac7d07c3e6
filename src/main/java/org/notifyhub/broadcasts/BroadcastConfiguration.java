package org.notifyhub.broadcasts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.notifyhub.common.AwsEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The CBC proxy: the operators' Lambda functions when {@code notify.broadcasts.proxy=lambda} (a production node's
 * default), or a simulated proxy that takes everything when it is {@code simulated} (the local default's, and a
 * production node's only when told: local/LocalDefaultEnvironment).
 */
@Configuration(proxyBeanMethods = false)
public class BroadcastConfiguration {

    @Bean
    @ConditionalOnProperty(name = "notify.broadcasts.proxy", havingValue = "lambda")
    public CbcProxy lambdaCbcProxy(Environment environment, ObjectMapper mapper) {
        Binder binder = Binder.get(environment);
        AwsEndpointProperties endpoint = binder.bind("notify.broadcasts.lambda", AwsEndpointProperties.class)
                .orElse(new AwsEndpointProperties(null, null, null, null));
        Duration timeout = binder.bind("notify.broadcasts.lambda.timeout", Duration.class).orElse(Duration.ofSeconds(30));
        // No SDK retries: a failure fails over to the second proxy at once, and the queue retries after that.
        LambdaClient client = endpoint.configure(LambdaClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout))
                .build();
        return new LambdaCbcProxy(client, mapper);
    }

    @Bean
    @ConditionalOnProperty(name = "notify.broadcasts.proxy", havingValue = "simulated")
    public CbcProxy simulatedCbcProxy() {
        return new SimulatedCbcProxy();
    }
}
