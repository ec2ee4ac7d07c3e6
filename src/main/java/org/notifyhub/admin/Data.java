package org.notifyhub.admin;

/** Notify's usual admin response wrapper: {"data": ...}. */
public record Data<T>(T data) {
}
