package org.notifyhub.admin;

import org.junit.jupiter.api.BeforeEach;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every admin API test uses: a client signed as the admin app, fixtures made through it, and the database. */
abstract class AdminApiTest extends HubIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    protected AdminClient admin;
    protected AdminFixtures fixtures;

    @BeforeEach
    void adminClient() {
        admin = new AdminClient(baseUrl(), credentials.admin(), mapper);
        fixtures = new AdminFixtures(admin);
    }
}
