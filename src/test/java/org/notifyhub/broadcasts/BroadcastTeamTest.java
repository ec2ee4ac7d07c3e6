package org.notifyhub.broadcasts;

import org.junit.jupiter.api.BeforeEach;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the broadcast tests share: a live broadcast service with two members, and HTTP to the v2 and admin APIs. */
abstract class BroadcastTeamTest extends HubIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    protected BroadcastHttp http;
    protected BroadcastTeam team;

    @BeforeEach
    void broadcastTeam() {
        http = new BroadcastHttp(mapper, baseUrl(), credentials.admin());
        team = BroadcastTeam.create(testServices, jdbc, false);
    }
}
