package org.notifyhub.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inbound SMS posts read as Notify reads them: MMG's form-encoded text and dates, Firetext's form. */
class InboundSmsParserTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 1, 12, 0);
    private final InboundSmsParser parser = new InboundSmsParser(new ObjectMapper(),
            Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "some+uri+encoded+message%3A          | some uri encoded message:",
            "caf%C3%A9+%E2%82%AC5                 | café €5",
            "100%25+sure                          | 100% sure",
            "line\\none\\ttab                     | \"line\none\ttab\"",
            "caf\\u00e9                           | café",
            "50%+off+%zz                          | 50% off %zz",
            "back\\\\slash+\\q                    | back\\slash \\q",
    })
    void mmgMessagesAreDecoded(String sent, String stored) {
        assertThat(mmg(sent, "2017-05-21+11%3A56%3A11").content()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2017-05-21+11%3A56%3A11     | 2017-05-21T11:56:11",
            "2017-05-21 11:56:11         | 2017-05-21T11:56:11",
            "2017-05-21T11:56:11.123     | 2017-05-21T11:56:11.123",
            "2017-05-21T11:56:11%2B01:00 | 2017-05-21T11:56:11",
            "2017-05-21                  | 2017-05-21T00:00",
            "yesterday                   | 2024-05-01T12:00",
    })
    void mmgDatesAreReadAsUtcWithoutApplyingAnOffset(String sent, LocalDateTime stored) {
        assertThat(mmg("Hi", sent).providerDate()).isEqualTo(stored);
    }

    @Test
    void anMmgMessageKeepsItsNumbersAndId() {
        InboundSmsMessage message = mmg("Hi", null);
        assertThat(message).isEqualTo(new InboundSmsMessage("mmg", "447700900500", "447700900111", "Hi", "mmg-1", null));
    }

    @Test
    void anMmgPostMissingAFieldOrNotJsonIsRefused() {
        assertThatThrownBy(() -> parser.mmg("{\"MSISDN\": \"447700900111\", \"Message\": \"Hi\", \"ID\": \"1\"}"))
                .isInstanceOf(InvalidInboundSmsException.class).hasMessage("MMG inbound SMS: Number missing");
        assertThatThrownBy(() -> parser.mmg("MSISDN=447700900111"))
                .isInstanceOf(InvalidInboundSmsException.class).hasMessage("MMG inbound SMS: body is not a JSON object");
    }

    @Test
    void aFiretextFormIsReadFromItsFields() {
        InboundSmsMessage message = parser.firetext(Map.of("source", "447700900111", "destination", "447700900500",
                "message", "Hi + bye", "time", "2017-05-21 11:56:11", "User-Agent", "Firetext"));
        assertThat(message).isEqualTo(new InboundSmsMessage("firetext", "447700900500", "447700900111", "Hi + bye", null,
                LocalDateTime.of(2017, 5, 21, 11, 56, 11)));
        assertThatThrownBy(() -> parser.firetext(Map.of("source", "447700900111", "message", "Hi", "time", "")))
                .isInstanceOf(InvalidInboundSmsException.class).hasMessage("Firetext inbound SMS: destination missing");
    }

    private InboundSmsMessage mmg(String message, String date) {
        String json = "{\"MSISDN\": \"447700900111\", \"Number\": \"447700900500\", \"Message\": \""
                + message.replace("\\", "\\\\") + "\", \"ID\": \"mmg-1\""
                + (date == null ? "" : ", \"DateRecieved\": \"" + date + "\"") + "}";
        return parser.mmg(json);
    }
}
