package org.notifyhub.jobs;

/** A job with the names shown beside it: who created it (null for none), its service and its template. */
public record JobListing(Job job, String createdByName, String serviceName, String templateName, String templateType) {
}
