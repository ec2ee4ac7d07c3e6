package org.notifyhub.common;

import java.net.URI;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Where one AWS service lives: an endpoint override (embedded server, LocalStack) or just a region (AWS itself),
 * with static keys when given and the default AWS credentials chain otherwise.
 */
public record AwsEndpointProperties(String endpoint, String region, String accessKey, String secretKey) {

    private static final String DEFAULT_REGION = "eu-west-2";

    /** Path-style addressing is what S3-compatible servers expect; AWS itself prefers virtual hosts. */
    public boolean hasEndpoint() {
        return StringUtils.hasText(endpoint);
    }

    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(StringUtils.hasText(region) ? region : DEFAULT_REGION));
        if (StringUtils.hasText(endpoint)) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.credentialsProvider(credentials());
    }

    private AwsCredentialsProvider credentials() {
        if (StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey)) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
