package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

    @ParameterizedTest
    @CsvSource({
            "postgresql://notify:s3cret@db.internal:5433/notification_api, jdbc:postgresql://db.internal:5433/notification_api, notify, s3cret",
            "postgres://notify:p%40ss@db/notify?sslmode=require, jdbc:postgresql://db:5432/notify?sslmode=require, notify, p@ss",
    })
    void notifyStyleUrlsBecomeDatasourceProperties(String url, String jdbcUrl, String user, String password) {
        Map<String, Object> properties = DatabaseUrl.toDatasourceProperties(url);

        assertThat(properties).containsEntry("spring.datasource.url", jdbcUrl)
                .containsEntry("spring.datasource.username", user)
                .containsEntry("spring.datasource.password", password);
    }

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        assertThat(DatabaseUrl.toDatasourceProperties("jdbc:postgresql://h/db"))
                .containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://h/db"));
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> DatabaseUrl.toDatasourceProperties("mysql://h/db"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
