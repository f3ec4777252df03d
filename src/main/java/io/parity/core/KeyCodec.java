package io.parity.core;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Lossless text form of {@link KeyValues}, for Spring Batch execution contexts (restart points, partition bounds) and
 * Parity's result tables. Each value is tagged with its Java type so it binds back exactly as it was read:
 * {@code ["L:42","S:abc","X:00ff","D:1.50","I:18446744073709551615","F:0.1"]}.
 */
public final class KeyCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private KeyCodec() {
    }

    public static String encode(KeyValues key) {
        if (key == null) {
            return "";
        }
        List<String> tagged = new ArrayList<>();
        for (Object v : key.toList()) {
            tagged.add(tag(v));
        }
        return JSON.writeValueAsString(tagged);
    }

    private static String tag(Object v) {
        if (v instanceof Long l) {
            return "L:" + l;
        }
        if (v instanceof BigInteger i) {
            return "I:" + i;
        }
        if (v instanceof BigDecimal d) {
            return "D:" + d.toPlainString();
        }
        if (v instanceof Double d) {
            return "F:" + d;
        }
        if (v instanceof byte[] b) {
            return "X:" + HexFormat.of().formatHex(b);
        }
        if (v instanceof String s) {
            return "S:" + s;
        }
        throw new IllegalArgumentException("cannot encode key value of " + v.getClass());
    }

    public static KeyValues decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] tagged = JSON.readValue(text, String[].class);
        List<Object> values = new ArrayList<>(tagged.length);
        for (String t : tagged) {
            String body = t.substring(2);
            values.add(switch (t.charAt(0)) {
                case 'L' -> Long.parseLong(body);
                case 'I' -> new BigInteger(body);
                case 'D' -> new BigDecimal(body);
                case 'F' -> Double.parseDouble(body);
                case 'X' -> HexFormat.of().parseHex(body);
                case 'S' -> body;
                default -> throw new IllegalArgumentException("unknown key tag in " + t);
            });
        }
        return KeyValues.of(values);
    }
}
