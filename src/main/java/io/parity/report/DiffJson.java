package io.parity.report;

import io.parity.core.KeyValues;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders key values for people and scripts: numbers as JSON numbers (exact, including unsigned 64-bit and decimals),
 * text and temporal values as strings, binary values as {@code "0x..."} hex strings.
 */
final class DiffJson {

    private DiffJson() {
    }

    /** What a table without a key calls the value that identifies a row: the SHA1 of its canonical encoding. */
    static final String ROW_HASH = "row-sha1";

    static Map<String, Object> key(List<String> names, KeyValues key) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            out.put(name(names, i), value(key.get(i)));
        }
        return out;
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : names.isEmpty() && i == 0 ? ROW_HASH : "key" + i;
    }

    static Object value(Object v) {
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        return v instanceof Number ? v : v.toString();
    }
}
