package org.notifyhub.services;

/** Where a service wants one kind of callback, with its bearer token still encrypted as stored. */
public record ServiceCallbackApi(String url, String encryptedBearerToken) {
}
