package org.notifyhub.templates;

import java.util.List;
import java.util.Map;

/** Parsed markdown: its blocks, and the {@code [name]: url} link definitions the text can refer to. */
record MarkdownDocument(List<MarkdownBlock> blocks, Map<String, LinkDefinition> links) {

    record LinkDefinition(String url, String title) {
    }
}
