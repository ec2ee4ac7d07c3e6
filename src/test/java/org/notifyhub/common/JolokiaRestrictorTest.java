package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.Test;

/** Jolokia's policy follows the operator credentials: without them it only looks; with them it does everything. */
class JolokiaRestrictorTest {

    private static final ObjectName RBAC_REGISTRY = name("hawtio:type=security,name=RBACRegistry");
    private static final ObjectName CAMEL = name("org.apache.camel:context=notify-hub,type=context,name=\"notify-hub\"");

    @Test
    void withoutCredentialsOnlyReadListSearchAndVersionAreAllowed() throws Exception {
        Restrictor restrictor = new SecurityConfiguration().jolokiaRestrictor("", "");

        assertThat(restrictor.isTypeAllowed(RequestType.READ)).isTrue();
        assertThat(restrictor.isTypeAllowed(RequestType.LIST)).isTrue();
        assertThat(restrictor.isTypeAllowed(RequestType.SEARCH)).isTrue();
        assertThat(restrictor.isTypeAllowed(RequestType.VERSION)).isTrue();
        assertThat(restrictor.isTypeAllowed(RequestType.EXEC)).isFalse();
        assertThat(restrictor.isTypeAllowed(RequestType.WRITE)).isFalse();
        assertThat(restrictor.isOperationAllowed(CAMEL, "sendBody")).isFalse();
        assertThat(restrictor.isAttributeWriteAllowed(CAMEL, "Tracing")).isFalse();
        assertThat(restrictor.isAttributeReadAllowed(CAMEL, "State")).isTrue();
        // hawtio's MBean tree: a read-only operation, named with and without its empty signature.
        assertThat(restrictor.isOperationAllowed(RBAC_REGISTRY, "list()")).isTrue();
        assertThat(restrictor.isOperationAllowed(RBAC_REGISTRY, "list")).isTrue();
    }

    @Test
    void withoutCredentialsHawtiosRouteDumpsAreAllowedButNotStartingOrStoppingARoute() throws Exception {
        Restrictor restrictor = new SecurityConfiguration().jolokiaRestrictor("", "");
        ObjectName route = name("org.apache.camel:context=notify-hub,type=routes,name=\"deliver-sms\"");

        assertThat(restrictor.isOperationAllowed(CAMEL, "dumpRoutesAsXml()")).isTrue();
        assertThat(restrictor.isOperationAllowed(CAMEL, "dumpRoutesStatsAsXml")).isTrue();
        assertThat(restrictor.isOperationAllowed(route, "dumpRouteStatsAsXml()")).isTrue();
        assertThat(restrictor.isOperationAllowed(route, "stop()")).isFalse();
        assertThat(restrictor.isOperationAllowed(route, "start()")).isFalse();
        assertThat(restrictor.isOperationAllowed(CAMEL, "stopAllRoutes()")).isFalse();
    }

    @Test
    void aUserNameWithoutAPasswordCountsAsNoCredentials() throws Exception {
        Restrictor restrictor = new SecurityConfiguration().jolokiaRestrictor("operator", "");

        assertThat(restrictor.isTypeAllowed(RequestType.EXEC)).isFalse();
    }

    @Test
    void withCredentialsTheAuthenticatedOperatorMayDoEverything() throws Exception {
        Restrictor restrictor = new SecurityConfiguration().jolokiaRestrictor("operator", "secret");

        assertThat(restrictor.isTypeAllowed(RequestType.EXEC)).isTrue();
        assertThat(restrictor.isTypeAllowed(RequestType.WRITE)).isTrue();
        assertThat(restrictor.isOperationAllowed(CAMEL, "sendBody")).isTrue();
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
