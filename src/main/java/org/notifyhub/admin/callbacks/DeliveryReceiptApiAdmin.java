package org.notifyhub.admin.callbacks;

import org.notifyhub.services.CallbackType;
import org.springframework.stereotype.Component;

/** /service/{service_id}/delivery-receipt-api: where the hub POSTs each notification's final status. */
@Component
public class DeliveryReceiptApiAdmin extends FixedTypeCallbackAdmin {

    public DeliveryReceiptApiAdmin(CallbackApis apis) {
        super(apis, CallbackType.DELIVERY_STATUS, "Service delivery receipt callback API not found");
    }
}
