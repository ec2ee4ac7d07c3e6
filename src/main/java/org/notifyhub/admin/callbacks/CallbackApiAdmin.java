package org.notifyhub.admin.callbacks;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.callbacks.CallbackApis.CallbackApiView;
import org.notifyhub.services.CallbackType;
import org.springframework.stereotype.Component;

/**
 * /service/{service_id}/callback-api: Notify's current form, one path for every type (delivery_status, complaint,
 * returned_letter, inbound_sms), named by callback_type in the body (POST) or the query (GET, DELETE).
 */
@Component
public class CallbackApiAdmin {

    private final CallbackApis apis;

    public CallbackApiAdmin(CallbackApis apis) {
        this.apis = apis;
    }

    public Data<CallbackApiView> create(@Header("service_id") String serviceId, @Body String body) {
        RequestBody request = apis.read(body);
        return apis.create(serviceId, type(request), request);
    }

    public Data<CallbackApiView> get(@Header("service_id") String serviceId,
                                     @Header("callback_api_id") String callbackId,
                                     @Header(Exchange.HTTP_QUERY) String query) {
        return apis.get(serviceId, callbackId, type(query));
    }

    public Data<CallbackApiView> update(@Header("service_id") String serviceId,
                                        @Header("callback_api_id") String callbackId, @Body String body) {
        RequestBody request = apis.read(body);
        return apis.update(serviceId, callbackId, type(request), request);
    }

    public void delete(@Header("service_id") String serviceId, @Header("callback_api_id") String callbackId,
                       @Header(Exchange.HTTP_QUERY) String query) {
        CallbackType type = type(query);
        apis.delete(serviceId, callbackId, type, type.notFound());
    }

    private static CallbackType type(RequestBody request) {
        String name = request.requiredString("callback_type");
        CallbackType type = name == null ? null : CallbackType.fromWireName(name).orElse(null);
        if (name != null && type == null) {
            request.reject("callback_type", notOneOf(name));
        }
        request.validate();
        return type;
    }

    private static CallbackType type(String query) {
        String name = QueryParameters.parse(query).first("callback_type");
        if (name == null) {
            throw AdminApiException.invalid("callback_type", "callback_type is a required property");
        }
        return CallbackType.fromWireName(name)
                .orElseThrow(() -> AdminApiException.invalid("callback_type", notOneOf(name)));
    }

    private static String notOneOf(String name) {
        return "callback_type " + name + " is not one of [" + CallbackType.wireNames() + "]";
    }
}
