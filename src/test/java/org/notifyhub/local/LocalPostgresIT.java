package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The local default's PostgreSQL commits durably, as production does, from the one set of binaries the jar carries. */
class LocalPostgresIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAcceptedNotificationSurvivesAMachineCrash() {
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void theClasspathCarriesOneSetOfPostgresBinaries() throws Exception {
        Resource[] archives = new PathMatchingResourcePatternResolver().getResources("classpath*:postgres-*.txz");

        assertThat(Arrays.stream(archives).map(Resource::getFilename)).containsExactly("postgres-linux-x86_64.txz");
    }
}
