package org.notifyhub.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CbcPayloadsTest {

    @Test
    void welshLettersOutsideGsmMakeTheLanguageWelshInEachFormat() {
        assertThat(CbcPayloads.language("ee", "Flooding expected")).isEqualTo("en-GB");
        assertThat(CbcPayloads.language("ee", "Llifogydd ŵyr")).isEqualTo("cy-GB");
        assertThat(CbcPayloads.language("vodafone", "Flooding expected")).isEqualTo("English");
        assertThat(CbcPayloads.language("vodafone", "Llifogydd ŵyr")).isEqualTo("Welsh");
    }

    @Test
    void capTimesAreSecondsInUtcWrittenAsNotifyWroteThem() {
        assertThat(CbcPayloads.cap(LocalDateTime.parse("2026-12-05T09:01:02.345678"))).isEqualTo("2026-12-05T09:01:02-00:00");
        assertThat(CbcPayloads.lambdaName("o2", 2)).isEqualTo("o2-2-proxy");
        assertThat(ProviderMessage.formatNumber(255)).isEqualTo("000000ff");
    }
}
