package org.notifyhub.servicecallbacks;

import org.apache.camel.Body;
import org.notifyhub.common.Encryption;
import org.notifyhub.queues.ServiceCallbackTask;
import org.notifyhub.servicecallbacks.CallbackMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * send-service-callback: decrypts what the queued message carries and POSTs it. No database is read, so no
 * connection is held however slow the service's server is; failures are thrown for the route configuration.
 */
@Component
public class ServiceCallbackSender {

    private static final Logger log = LoggerFactory.getLogger(ServiceCallbackSender.class);

    private final ServiceCallbackClient client;
    private final Encryption encryption;
    private final CallbackMetrics metrics;

    public ServiceCallbackSender(ServiceCallbackClient client, Encryption encryption, CallbackMetrics metrics) {
        this.client = client;
        this.encryption = encryption;
        this.metrics = metrics;
    }

    public void send(@Body ServiceCallbackTask task) {
        int status = client.post(task.url(), encryption.decrypt(task.encryptedBearerToken()),
                encryption.decrypt(task.encryptedPayload()));
        metrics.serviceCallback(task.callbackType(), Outcome.SENT);
        log.info("{} callback for {} sent to {} (attempt {}), response {}", task.callbackType(), task.subjectId(),
                task.url(), task.attempt() + 1, status);
    }
}
