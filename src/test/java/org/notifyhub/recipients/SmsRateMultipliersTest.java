package org.notifyhub.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Notify's rate multipliers (notifications-utils international_billing_rates) as the hub reads them from a number. */
class SmsRateMultipliersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // number as given, multiplier
            "07700 900123, 1",          // UK mobile
            "+44 7797 712345, 2",       // Jersey mobile: +44 but billed as international (Notify's '44' entry)
            "+33 6 12 34 56 78, 2",     // France
            "+27 82 123 4567, 3",       // South Africa
            "+7 912 345 67 89, 10",     // Russia
            "+1 202 555 0104, 1",       // United States
            "+1 664 491 2345, 6",       // Montserrat: its own area prefix inside +1
    })
    void aNumbersMultiplierComesFromItsPrefix(String number, int multiplier) {
        PhoneNumber phone = PhoneNumbers.parse(number);

        assertThat(SmsRateMultipliers.of(phone.international(), phone.normalised(), phone.countryPrefix()))
                .isEqualTo(multiplier);
    }

    @Test
    void aPrefixTheDataDoesNotListCostsOneFragment() {
        assertThat(SmsRateMultipliers.of(true, "9991234567", "999")).isEqualTo(SmsRateMultipliers.DEFAULT);
    }

    @Test
    void theDataHasNotifysPrefixesEachOnce() {
        var byPrefix = SmsRateMultipliers.load(SmsRateMultipliers.RESOURCE);

        assertThat(byPrefix).hasSize(223).containsEntry("44", 2).containsEntry("1", 1).containsEntry("1664", 6);
        assertThat(byPrefix.values()).allMatch(m -> m >= 1 && m <= 12);
    }
}
