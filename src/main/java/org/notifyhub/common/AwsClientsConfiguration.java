package org.notifyhub.common;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One client per AWS service, autowired by Camel's aws2 components and used by health checks. */
@Configuration(proxyBeanMethods = false)
public class AwsClientsConfiguration {

    @Bean(destroyMethod = "close")
    public SqsClient sqsClient(Environment environment) {
        // Every idle consumer holds a connection in its long poll, and every send in flight needs one to delete its
        // message and queue its receipt: the SDK's default of 50 would make the in-flight windows wait on each other.
        return endpoint(environment, "notify.sqs").configure(SqsClient.builder())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(environment.getRequiredProperty("notify.sqs.max-connections", Integer.class)))
                .build();
    }

    @Bean(destroyMethod = "close")
    public S3Client s3Client(Environment environment) {
        return endpoint(environment, "notify.s3").configure(S3Client.builder())
                .forcePathStyle(endpoint(environment, "notify.s3").hasEndpoint())
                .build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "notify.email.provider", havingValue = "ses")
    public SesClient sesClient(Environment environment) {
        // SES has no idempotency token: the SDK's own retry of a timed-out or reset SendRawEmail could send the email
        // twice. The hub decides instead (a definite failure climbs the retry ladder; an unanswered one is re-checked).
        return endpoint(environment, "notify.ses").configure(SesClient.builder())
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Binder.get(environment).bind("notify.ses.send-timeout", Duration.class)
                                .orElseThrow(() -> new IllegalStateException("notify.ses.send-timeout is not set"))))
                .build();
    }

    private static AwsEndpointProperties endpoint(Environment environment, String prefix) {
        return Binder.get(environment).bind(prefix, AwsEndpointProperties.class)
                .orElse(new AwsEndpointProperties(null, null, null, null));
    }
}
