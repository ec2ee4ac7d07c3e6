package org.notifyhub.receipts.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Lists the rows of a mapping file as keys such as {@code statuses:2} or
 * {@code statuses:2/substatuses:1}, read with plain SnakeYAML rather than the class under test, so a
 * coverage check can compare them with a test's own table.
 */
final class MappingFileRows {

    private MappingFileRows() {
    }

    static List<String> keys(String resource) {
        try (InputStream in = MappingFileRows.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> document = new Yaml().load(in);
            List<String> keys = new ArrayList<>();
            collect("", document, keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String list, String code) {
        return list + ":" + code;
    }

    static String key(String list, String code, String nestedList, String nestedCode) {
        return key(list, code) + "/" + key(nestedList, nestedCode);
    }

    private static void collect(String prefix, Map<?, ?> mapping, List<String> keys) {
        mapping.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> row && row.containsKey("code")) {
                        String rowKey = prefix + key(String.valueOf(name), String.valueOf(row.get("code")));
                        keys.add(rowKey);
                        collect(rowKey + "/", row, keys);
                    }
                }
            }
        });
    }
}
