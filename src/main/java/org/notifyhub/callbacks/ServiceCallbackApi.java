package org.notifyhub.callbacks;

/** Where a service wants one kind of callback, with its bearer token still encrypted as stored. */
public record ServiceCallbackApi(String url, String encryptedBearerToken) {
}
