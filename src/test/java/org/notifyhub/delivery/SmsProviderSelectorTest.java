package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsProviderSelectorTest {

    private static final SmsProviderDetails FIRETEXT = new SmsProviderDetails("firetext", 40, true, null);
    private static final SmsProviderDetails MMG = new SmsProviderDetails("mmg", 60, false, null);

    private final ProviderDetailsRepository repository = mock(ProviderDetailsRepository.class);
    private final FiretextClient firetext = mock(FiretextClient.class);
    private final MmgClient mmg = mock(MmgClient.class);
    private final SimulatedSmsProvider simulator = mock(SimulatedSmsProvider.class);
    private final SmsProviderFailover failover = mock(SmsProviderFailover.class);
    private SmsProviderEndpoints endpoints;
    private SmsProviderSelector selector;

    @BeforeEach
    void setUp() {
        when(firetext.name()).thenReturn("firetext");
        when(mmg.name()).thenReturn("mmg");
        when(repository.activeSmsProviders()).thenReturn(List.of(FIRETEXT, MMG));
        endpoints = new SmsProviderEndpoints("", "", "", "", "");
        selector = new SmsProviderSelector(repository, endpoints, firetext, mmg, simulator, failover, Clock.systemUTC(), 10);
    }

    @Test
    void drawsFollowThePriorities() {
        Random random = new Random(42);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(SmsProviderSelector.pick(List.of(FIRETEXT, MMG), random).identifier(), 1, Integer::sum);
        }
        assertThat(counts.get("firetext")).isBetween(3_800, 4_200);
        assertThat(counts.get("mmg")).isBetween(5_800, 6_200);
    }

    @Test
    void aProviderWithPriorityZeroIsNeverDrawnAndALoneProviderAlwaysIs() {
        Random random = new Random(7);
        SmsProviderDetails resting = new SmsProviderDetails("mmg", 0, false, null);
        SmsProviderDetails loneAtZero = new SmsProviderDetails("firetext", 0, true, null);
        for (int i = 0; i < 1_000; i++) {
            assertThat(SmsProviderSelector.pick(List.of(FIRETEXT, resting), random)).isEqualTo(FIRETEXT);
            assertThat(SmsProviderSelector.pick(List.of(loneAtZero), random)).isEqualTo(loneAtZero);
        }
    }

    @Test
    void withNoProviderConfiguredTheSimulatorSends() {
        assertThat(selector.choose(false)).isSameAs(simulator);
        assertThat(selector.choose(true)).isSameAs(simulator);
    }

    @Test
    void onlyConfiguredProvidersAreChosen() {
        endpoints.repoint(null, new SmsProviderEndpoints.Mmg("http://mmg", "key"));
        for (int i = 0; i < 200; i++) {
            assertThat(selector.choose(false)).isSameAs(mmg);
        }
    }

    @Test
    void bothProvidersAreChosenWhenBothAreConfigured() {
        endpoints.repoint(new SmsProviderEndpoints.Firetext("http://firetext", "key", ""),
                new SmsProviderEndpoints.Mmg("http://mmg", "key"));
        List<SmsProvider> chosen = IntStream.range(0, 200).mapToObj(i -> selector.choose(false)).toList();
        assertThat(chosen).contains(firetext, mmg);
    }

    @Test
    void internationalNumbersGoOnlyToAProviderThatSupportsThem() {
        endpoints.repoint(new SmsProviderEndpoints.Firetext("http://firetext", "key", ""),
                new SmsProviderEndpoints.Mmg("http://mmg", "key"));
        for (int i = 0; i < 200; i++) {
            assertThat(selector.choose(true)).isSameAs(firetext);
        }
        endpoints.repoint(null, new SmsProviderEndpoints.Mmg("http://mmg", "key"));
        assertThatThrownBy(() -> selector.choose(true)).isInstanceOf(NoSmsProviderException.class)
                .isInstanceOf(RetryableDeliveryException.class);
    }

    @Test
    void prioritiesAreReadAgainOnlyAfterTheCacheExpires() {
        endpoints.repoint(new SmsProviderEndpoints.Firetext("http://firetext", "key", ""), null);
        selector.choose(false);
        selector.choose(false);
        verify(repository, times(1)).activeSmsProviders();
    }

    @Test
    void aFailureOfTheSimulatorMovesNoPriorities() {
        when(simulator.name()).thenReturn("firetext");
        selector.sendFailed(simulator);
        verify(failover, never()).providerFailed("firetext");
        selector.sendFailed(mmg);
        verify(failover).providerFailed("mmg");
    }
}
