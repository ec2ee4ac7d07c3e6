package org.notifyhub.common;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * notify.roles decides which routes a node starts: REST routes belong to {@code api}; every other route names its
 * role in its {@code group}. A route of a role this node does not play is loaded but never started; a route in group
 * {@code all} (the outbox, which every role writes through) starts on every node. A node that is not a scheduler also
 * keeps Quartz in standby: a running scheduler joins the cluster and takes firings, and with its trigger routes
 * stopped it would drop them.
 */
@Component
public class NodeRoles implements CamelContextConfiguration, ModelLifecycleStrategy {

    public static final Set<String> KNOWN = Set.of("api", "worker", "scheduler");
    public static final String EVERY_ROLE = "all";
    private static final Logger log = LoggerFactory.getLogger(NodeRoles.class);

    private final Set<String> active;

    public NodeRoles(@Value("${notify.roles}") String roles) {
        this.active = Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!KNOWN.containsAll(active) || active.isEmpty()) {
            throw new IllegalStateException("notify.roles must list some of " + KNOWN + " but was: " + roles);
        }
    }

    /** The role a route belongs to. */
    public static String roleOf(RouteDefinition route) {
        return route.isRest() != null && route.isRest() ? "api" : route.getGroup();
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(this);
        if (!active.contains("scheduler")) {
            camelContext.getComponent("quartz", QuartzComponent.class).setAutoStartScheduler(false);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        log.info("Node roles: {}", active);
    }

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        String role = roleOf(route);
        if (role != null && !role.equals(EVERY_ROLE) && !active.contains(role)) {
            route.setAutoStartup("false");
        }
    }

    @Override
    public void onRemoveRouteDefinition(RouteDefinition route) {
    }

    @Override
    public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
    }

    @Override
    public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
    }
}
