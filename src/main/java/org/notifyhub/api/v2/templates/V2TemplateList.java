package org.notifyhub.api.v2.templates;

import java.util.List;

/** The body of GET /v2/templates. */
public record V2TemplateList(List<V2Template> templates) {
}
