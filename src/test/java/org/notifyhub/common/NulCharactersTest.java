package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void namesTheTopLevelFieldWhereverTheNulIs() throws Exception {
        assertThat(NulCharacters.fieldOf(mapper.readTree("{\"a\": \"x\", \"b\": \"y\\u0000\"}"))).contains("b");
        assertThat(NulCharacters.fieldOf(mapper.readTree("{\"p\": {\"deep\": [\"ok\", {\"k\": \"\\u0000\"}]}}"))).contains("p");
        assertThat(NulCharacters.fieldOf(mapper.readTree("{\"p\": {\"na\\u0000me\": \"v\"}}"))).contains("p");
        assertThat(NulCharacters.fieldOf(mapper.readTree("{\"na\\u0000me\": \"v\"}"))).contains("name");
        assertThat(NulCharacters.fieldOf(mapper.readTree("[\"\\u0000\"]"))).contains("request");
    }

    @Test
    void cleanJsonHasNone() throws Exception {
        assertThat(NulCharacters.fieldOf(mapper.readTree("{\"a\": \"x\", \"n\": 1, \"l\": [true, null], \"o\": {}}"))).isEmpty();
    }
}
