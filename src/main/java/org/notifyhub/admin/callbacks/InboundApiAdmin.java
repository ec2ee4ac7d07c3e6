package org.notifyhub.admin.callbacks;

import org.notifyhub.services.CallbackType;
import org.springframework.stereotype.Component;

/** /service/{service_id}/inbound-api: where the hub forwards text messages people send to the service. */
@Component
public class InboundApiAdmin extends FixedTypeCallbackAdmin {

    public InboundApiAdmin(CallbackApis apis) {
        super(apis, CallbackType.INBOUND_SMS, CallbackType.INBOUND_SMS.notFound());
    }
}
