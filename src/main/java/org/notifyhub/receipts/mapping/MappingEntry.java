package org.notifyhub.receipts.mapping;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.notifyhub.notifications.NotificationStatus;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One mapping in a mapping file (the whole document, or one row of a list) with strict, typed
 * accessors. Every problem becomes an {@link IllegalStateException} naming the file and the entry.
 */
final class MappingEntry {

    private final String file;
    private final String path;
    private final Map<?, ?> values;

    private MappingEntry(String file, String path, Map<?, ?> values) {
        this.file = file;
        this.path = path;
        this.values = values;
    }

    static MappingEntry readDocument(String file, InputStream yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options))
                    .load(new InputStreamReader(yaml, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new IllegalStateException(file + ": not readable YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(file + ": expected a YAML mapping at the top level");
        }
        return new MappingEntry(file, "", map);
    }

    /** Rejects keys other than those listed, so a misspelt key fails instead of being ignored. */
    MappingEntry allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Object key : values.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw problem("unexpected key '" + key + "' (allowed: " + new TreeSet<>(allowed) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String requiredString(String key) {
        Object value = required(key);
        if (!(value instanceof String text)) {
            throw problem("'" + key + "' must be a quoted string, got " + value
                    + " (YAML reads unquoted 000 as 0 and No as false)");
        }
        if (text.isBlank()) {
            throw problem("'" + key + "' must not be blank");
        }
        return text;
    }

    NotificationStatus requiredStatus(String key) {
        return status(requiredString(key), key);
    }

    Set<NotificationStatus> requiredStatusList(String key) {
        Object value = required(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw problem("'" + key + "' must be a non-empty list of notification statuses");
        }
        Set<NotificationStatus> statuses = EnumSet.noneOf(NotificationStatus.class);
        for (Object item : list) {
            if (!statuses.add(status(String.valueOf(item), key))) {
                throw problem("'" + key + "' lists " + item + " twice");
            }
        }
        return Collections.unmodifiableSet(statuses);
    }

    List<MappingEntry> requiredEntries(String key) {
        List<MappingEntry> entries = optionalEntries(key);
        if (entries.isEmpty()) {
            throw has(key) ? problem("'" + key + "' must not be empty") : missing(key);
        }
        return entries;
    }

    List<MappingEntry> optionalEntries(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem("'" + key + "' must be a list");
        }
        List<MappingEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = (path.isEmpty() ? "" : path + ".") + key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + ": " + itemPath + ": expected a mapping with code, status, reason");
            }
            entries.add(new MappingEntry(file, itemPath, map));
        }
        return entries;
    }

    /** Indexes rows by their {@code code}, refusing duplicates. Keeps file order. */
    static <T> Map<String, T> byCode(List<MappingEntry> entries, Function<MappingEntry, T> row) {
        Map<String, T> rows = new LinkedHashMap<>();
        for (MappingEntry entry : entries) {
            String code = entry.requiredString("code");
            if (rows.containsKey(code)) {
                throw entry.problem("duplicate code \"" + code + "\"");
            }
            rows.put(code, row.apply(entry));
        }
        return Collections.unmodifiableMap(rows);
    }

    IllegalStateException problem(String message) {
        return new IllegalStateException(file + ": " + describe() + message);
    }

    private Object required(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    private IllegalStateException missing(String key) {
        return problem("missing required key '" + key + "'");
    }

    private NotificationStatus status(String wireName, String key) {
        try {
            return NotificationStatus.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw problem("'" + key + "' has unknown notification status \"" + wireName + "\" (known: "
                    + Arrays.stream(NotificationStatus.values()).map(NotificationStatus::wireName).toList() + ")");
        }
    }

    private String describe() {
        if (path.isEmpty()) {
            return "";
        }
        Object code = values.get("code");
        return code == null ? path + ": " : path + " (code \"" + code + "\"): ";
    }
}
