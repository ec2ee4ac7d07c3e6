package org.notifyhub.admin.senders;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.notifyhub.services.SenderAdminRepository;
import org.notifyhub.services.ServiceAdminRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every kind of sender admin needs, gathered so each subclass takes one argument. */
@Component
public record SenderDependencies(SenderAdminRepository senders, ServiceAdminRepository services,
                                 TransactionTemplate transaction, ObjectMapper mapper, Clock clock) {
}
