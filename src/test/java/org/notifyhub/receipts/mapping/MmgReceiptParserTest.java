package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MmgReceiptParserTest {

    private final MmgReceiptParser parser = new MmgReceiptParser();

    @Test
    void readsADeliveredReceipt() {
        assertThat(parser.parse(Fixtures.text("mmg/delivered.json")))
                .isEqualTo(new SmsReceipt("mmg", "6f1c3a52-9d8e-4b7f-a1c2-3d4e5f6a7b80", "3", "5"));
    }

    @Test
    void readsCodesSentAsNumbers() {
        assertThat(parser.parse(Fixtures.text("mmg/invalid-destination-numeric.json")))
                .isEqualTo(new SmsReceipt("mmg", "9c4f6d85-2a1b-4ea2-94f5-6a7b8c9d0eb3", "5", "52"));
    }

    @Test
    void theCidIsTheReferenceNotMmgsOwnReference() {
        assertThat(parser.parse(Fixtures.text("mmg/simulator-delivered.json")))
                .isEqualTo(new SmsReceipt("mmg", "ad507e96-3b2c-4fb3-a506-7b8c9d0e1fc4", "3", null));
    }

    @Test
    void aMissingCid() {
        assertThatThrownBy(() -> parser.parse(Fixtures.text("mmg/missing-cid.json")))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("MMG callback failed: CID missing"));
    }

    @Test
    void aMissingStatus() {
        assertThatThrownBy(() -> parser.parse("{\"CID\":\"6f1c3a52-9d8e-4b7f-a1c2-3d4e5f6a7b80\",\"substatus\":\"2\"}"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("MMG callback failed: status missing"));
    }

    @Test
    void bothMissingAreReportedTogetherInNotifysOrder() {
        assertThatThrownBy(() -> parser.parse(Fixtures.text("mmg/missing-status-and-cid.json")))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("MMG callback failed: status missing", "MMG callback failed: CID missing"));
    }

    @Test
    void nullAndEmptyValuesCountAsMissing() {
        assertThatThrownBy(() -> parser.parse("{\"status\":null,\"CID\":\"\"}"))
                .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                        .containsExactly("MMG callback failed: status missing", "MMG callback failed: CID missing"));
    }

    @Test
    void aBodyThatIsNotAJsonObject() {
        for (String body : new String[] {"status=3&CID=x", "[{\"status\":\"3\"}]", "", null}) {
            assertThatThrownBy(() -> parser.parse(body))
                    .as("body %s", body)
                    .isInstanceOfSatisfying(InvalidReceiptException.class, e -> assertThat(e.messages())
                            .containsExactly("MMG callback failed: body is not a JSON object"));
        }
    }
}
