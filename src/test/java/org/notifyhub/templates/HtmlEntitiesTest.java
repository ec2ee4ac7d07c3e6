package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlEntitiesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "Fish &amp; chips => Fish & chips",
        "&pound;5 &euro;6 => £5 €6",
        "&lt;b&gt; => <b>",
        "&#39; &#x27; &#X27; => ' ' '",
        "&amp => &",
        "&copy2024 => ©2024",
        "&ampfoo; => &foo;",
        "&zzz; => &zzz;",
        "&notin; &notanentity; => ∉ ¬anentity;",
        "&#0; &#128; &#150; => \ufffd € –",
        "&#xD800; &#1114112; => \ufffd \ufffd",
        "a&#1;b => ab",
        "no references => no references",
    })
    void unescapeDecodesLikeHtml(String text, String expected) {
        assertThat(HtmlEntities.unescape(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "a & b => a &amp; b",
        "<script> => &lt;script&gt;",
        "&amp; &nbsp; => &amp; &nbsp;",
        "&lt;already&gt; => &lt;already&gt;",
        "&pound; &#39; => £ '",
        "&amp => &amp;amp",
        "\"quotes\" 'stay' => \"quotes\" 'stay'",
    })
    void escapeHtmlDoesNotEscapeTwice(String text, String expected) {
        assertThat(HtmlEntities.escapeHtml(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", value = {
        "a & b => a &amp; b",
        "&amp; &#39; &x; => &amp; &#39; &x;",
        "<b> => &lt;b&gt;",
    })
    void escapeTextLeavesReferencesAlone(String text, String expected) {
        assertThat(HtmlEntities.escapeText(text)).isEqualTo(expected);
    }
}
