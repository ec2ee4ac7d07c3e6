package org.notifyhub.admin.callbacks;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.callbacks.CallbackApis.CallbackApiView;
import org.notifyhub.services.CallbackType;

/** Notify's older callback URLs, one path per callback type: /delivery-receipt-api and /inbound-api. */
public abstract class FixedTypeCallbackAdmin {

    private final CallbackApis apis;
    private final CallbackType type;
    private final String notFound;

    protected FixedTypeCallbackAdmin(CallbackApis apis, CallbackType type, String notFound) {
        this.apis = apis;
        this.type = type;
        this.notFound = notFound;
    }

    public Data<CallbackApiView> create(@Header("service_id") String serviceId, @Body String body) {
        return apis.create(serviceId, type, apis.read(body));
    }

    public Data<CallbackApiView> get(@Header("service_id") String serviceId,
                                     @Header("callback_api_id") String callbackId) {
        return apis.get(serviceId, callbackId, type);
    }

    public Data<CallbackApiView> update(@Header("service_id") String serviceId,
                                        @Header("callback_api_id") String callbackId, @Body String body) {
        return apis.update(serviceId, callbackId, type, apis.read(body));
    }

    public void delete(@Header("service_id") String serviceId, @Header("callback_api_id") String callbackId) {
        apis.delete(serviceId, callbackId, type, notFound);
    }
}
