package org.notifyhub.common;

import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.management.DefaultManagementObjectNameStrategy;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * The hub's ~200 routes made Camel register ~2,000 MBeans (14 MB of Jolokia list), all carried by hawtio's views and
 * Jolokia's listings. Operators use the context, routes, route groups, consumers, endpoints, components and
 * thread pools; everything else Camel would register (its internal services, every producer, every data format) gets
 * no name, and Camel registers nothing it cannot name. Processors are left out by
 * camel.main.jmx-management-m-beans-level=RoutesOnly; hawtio draws a route's diagram from the route's XML dump.
 */
@Component
public class OperatorMBeans implements CamelContextConfiguration {

    static final Set<String> UNREGISTERED = Set.of(
            DefaultManagementObjectNameStrategy.TYPE_SERVICE,
            DefaultManagementObjectNameStrategy.TYPE_PRODUCER,
            DefaultManagementObjectNameStrategy.TYPE_DATAFORMAT,
            DefaultManagementObjectNameStrategy.TYPE_PROCESSOR,
            DefaultManagementObjectNameStrategy.TYPE_STEP);

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        ManagementStrategy management = camelContext.getManagementStrategy();
        if (management.getManagementAgent() == null) {
            return;
        }
        Names names = new Names(management.getManagementAgent().getMBeanObjectDomainName());
        names.setCamelContext(camelContext);
        management.setManagementObjectNameStrategy(names);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }

    /** Camel's own names, except none for the types operators never look at. */
    static final class Names extends DefaultManagementObjectNameStrategy {

        Names(String domainName) {
            super(domainName);
        }

        @Override
        public ObjectName getObjectName(Object managedObject) throws MalformedObjectNameException {
            ObjectName name = super.getObjectName(managedObject);
            return name == null || UNREGISTERED.contains(name.getKeyProperty(KEY_TYPE)) ? null : name;
        }
    }
}
