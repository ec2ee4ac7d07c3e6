package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiretextReceiptParserTest {

    private final FiretextReceiptParser parser = new FiretextReceiptParser();

    @Test
    void readsADeliveredReceipt() {
        assertThat(parser.parse(Fixtures.form("firetext/delivered.form")))
                .isEqualTo(new SmsReceipt("firetext", "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "0", "000"));
    }

    @Test
    void readsADeclineWithItsDetailedCode() {
        assertThat(parser.parse(Fixtures.form("firetext/declined-unknown-subscriber.form")))
                .isEqualTo(new SmsReceipt("firetext", "3f405162-7c8d-4e9f-8a1b-2c3d4e5f6071", "1", "101"));
    }

    @Test
    void aReceiptWithoutCodeHasNoDetailedCode() {
        assertThat(parser.parse(Fixtures.form("firetext/pending.form")).detailedCode()).isNull();
        assertThat(parser.parse(Map.of("status", "1", "reference", "ref", "code", "")).detailedCode()).isNull();
    }

    @Test
    void onlyTheCodeFieldIsADetailedCode() {
        // The research-mode simulator names it detailed_status_code, which Notify ignores too.
        assertThat(parser.parse(Fixtures.form("firetext/simulator-declined-after-pending.form")))
                .isEqualTo(new SmsReceipt("firetext", "51627384-9e0f-4a1b-8c3d-4e5f60718293", "1", null));
    }

    @Test
    void aMissingReference() {
        assertThatThrownBy(() -> parser.parse(Fixtures.form("firetext/missing-reference.form")))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("Firetext callback failed: reference missing"));
    }

    @Test
    void aMissingStatus() {
        assertThatThrownBy(() -> parser.parse(Map.of("reference", "ref", "code", "101")))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("Firetext callback failed: status missing"));
    }

    @Test
    void bothMissingAreReportedTogether() {
        Map<String, String> form = new HashMap<>();
        form.put("status", "");
        form.put("reference", null);

        assertThatThrownBy(() -> parser.parse(form))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> {
                    assertThat(e.messages()).containsExactly(
                            "Firetext callback failed: status missing", "Firetext callback failed: reference missing");
                    assertThat(e).hasMessage(
                            "Firetext callback failed: status missing; Firetext callback failed: reference missing");
                });
    }

    @Test
    void noFormAtAll() {
        assertThatThrownBy(() -> parser.parse(null))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages()).hasSize(2));
    }
}
