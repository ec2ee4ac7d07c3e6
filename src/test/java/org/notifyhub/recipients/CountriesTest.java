package org.notifyhub.recipients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            United Kingdom            | United Kingdom  | UK
            united kingdom            | United Kingdom  | UK
            UK                        | United Kingdom  | UK
            U.K.                      | United Kingdom  | UK
            Great Britain             | United Kingdom  | UK
            England                   | United Kingdom  | UK
            SCOTLAND                  | United Kingdom  | UK
            Wales                     | United Kingdom  | UK
            Cymru                     | United Kingdom  | UK
            Northern Ireland          | United Kingdom  | UK
            NI                        | United Kingdom  | UK
            Jersey                    | United Kingdom  | UK
            Guernsey                  | United Kingdom  | UK
            Isle of Man               | United Kingdom  | UK
            Sark                      | United Kingdom  | UK
            France                    | France          | EUROPE
            FRANCE                    | France          | EUROPE
            Deutschland               | Germany         | EUROPE
            Republic of Ireland       | Ireland         | EUROPE
            Eire                      | Ireland         | EUROPE
            Éire                      | Ireland         | EUROPE
            the netherlands           | Netherlands     | EUROPE
            Holland                   | Netherlands     | EUROPE
            Czech Republic            | Czechia         | EUROPE
            Czechoslovakia            | Czechia         | EUROPE
            Gibraltar                 | Gibraltar       | EUROPE
            Canary Islands            | Canary Islands  | EUROPE
            Turkey                    | Turkey          | EUROPE
            Russia                    | Russia          | EUROPE
            USA                       | United States   | REST_OF_WORLD
            U.S.A.                    | United States   | REST_OF_WORLD
            United States of America  | United States   | REST_OF_WORLD
            Gambia                    | The Gambia      | REST_OF_WORLD
            The Gambia                | The Gambia      | REST_OF_WORLD
            The United Kingdom        | United Kingdom  | UK
            the Philippines           | Philippines     | REST_OF_WORLD
            Bosnia & Herzegovina      | Bosnia and Herzegovina | EUROPE
            Côte d'Ivoire             | Ivory Coast     | REST_OF_WORLD
            Cote d’Ivoire             | Ivory Coast     | REST_OF_WORLD
            Guinea-Bissau             | Guinea-Bissau   | REST_OF_WORLD
            Guinea Bissau             | Guinea-Bissau   | REST_OF_WORLD
            Burma                     | Myanmar (Burma) | REST_OF_WORLD
            Nicaragua                 | Nicaragua       | REST_OF_WORLD
            Australia                 | Australia       | REST_OF_WORLD
            """)
    void findsCountriesByNameOrCommonAlias(String line, String name, PostageZone zone) {
        assertThat(Countries.find(line)).contains(new Country(name, zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "France 75001", "London", "Narnia", "", "Yugoslavia", "USSR", "Flat 2"})
    void findsNoCountryInOtherLines(String line) {
        assertThat(Countries.find(line)).isEmpty();
    }

    @Test
    void theDataFileLoadsWithEveryZoneUsed() {
        var byKey = Countries.load(Countries.RESOURCE);

        assertThat(byKey.values()).extracting(Country::zone)
                .contains(PostageZone.UK, PostageZone.EUROPE, PostageZone.REST_OF_WORLD);
        assertThat(byKey.values().stream().map(Country::name).distinct().count()).isGreaterThan(250);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The Netherlands      | thenetherlands
            Guinea-Bissau        | guineabissau
            St. Kitts & Nevis    | stkittsandnevis
            Côte d’Ivoire        | cotedivoire
            """)
    void keysIgnoreCasePunctuationAndAccents(String name, String key) {
        assertThat(Countries.key(name)).isEqualTo(key);
    }
}
