package org.notifyhub.api.v2.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.notifyhub.common.V2ValidationException;

/** one_click_unsubscribe_url is Notify's https_url: {@code ^https} and a URI (rfc3987's grammar), one message for both. */
class UnsubscribeUrlSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/unsubscribe?opaque=123456789", "https://example.com",
            "https://example.com/u/%2F%3D?a=b&c=d#top", "https:opaque"})
    void httpsUris(String url) {
        assertThatCode(() -> SendSchemas.EMAIL.validate(email(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/unsubscribe", "example.com/unsubscribe", "https://exa mple.com/u",
            "https://example.com/ü", "https://example.com/%zz", "https", "https://example.com/u\n", ""})
    void anythingElseIsNotAValidHttpsUrl(String url) {
        V2ValidationException e = catchThrowableOfType(() -> SendSchemas.EMAIL.validate(email(url)),
                V2ValidationException.class);

        assertThat(e.messages()).containsExactly("one_click_unsubscribe_url is not a valid https url");
    }

    private static ObjectNode email(String url) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("email_address", "ada@example.com");
        body.put("template_id", "f33517ff-2a88-4f6e-b855-c550268ce08a");
        body.put("one_click_unsubscribe_url", url);
        return body;
    }
}
