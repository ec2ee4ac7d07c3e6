package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Which exchange headers may leave the hub on an HTTP response. */
class ResponseHeaderFilterStrategyTest {

    private final ResponseHeaderFilterStrategy strategy = new ResponseHeaderFilterStrategy();

    @Test
    void aCallersOwnHeadersNeverComeBack() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());

        assertThat(strategy.applyFilterToCamelHeaders("Authorization", "Bearer x", exchange)).isTrue();
        assertThat(strategy.applyFilterToCamelHeaders("Set-Cookie", "a=b", exchange)).isTrue();
        assertThat(strategy.applyFilterToCamelHeaders("Cache-Control", "public", exchange)).isTrue();
    }

    @Test
    void aPageThatClearedTheRequestsHeadersSendsItsOwn() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ResponseHeaderFilterStrategy.PAGE_HEADERS, true);

        assertThat(strategy.applyFilterToCamelHeaders("Set-Cookie", "a=b", exchange)).isFalse();
        assertThat(strategy.applyFilterToCamelHeaders("Referrer-Policy", "no-referrer", exchange)).isFalse();
        assertThat(strategy.applyFilterToCamelHeaders("X-Content-Type-Options", "nosniff", exchange)).isFalse();
        assertThat(strategy.applyFilterToCamelHeaders("Authorization", "Bearer x", exchange)).isTrue();
    }
}
