package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** The test context runs the local default, which no other machine on the network may reach. */
class LocalDefaultBindingIT extends HubIntegrationTest {

    @Autowired
    private ServletWebServerApplicationContext context;

    @Test
    void theLocalDefaultListensOnLoopbackOnly() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        InetAddress address = ((AbstractProtocol<?>) connector.getProtocolHandler()).getAddress();

        assertThat(address).as("bound address (null = every interface)").isNotNull();
        assertThat(address.isLoopbackAddress()).as(address.toString()).isTrue();
    }
}
