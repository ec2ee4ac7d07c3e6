package org.notifyhub.templates;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed markdown: its blocks, the {@code [name]: url} link definitions the text can refer to, and the names of
 * the footnotes it defines.
 */
record MarkdownDocument(List<MarkdownBlock> blocks, Map<String, LinkDefinition> links, Set<String> footnotes) {

    record LinkDefinition(String url, String title) {
    }
}
