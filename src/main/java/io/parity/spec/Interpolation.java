package io.parity.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in every text value of the parsed YAML with the environment's
 * value, before binding, so a secret never has to be written in the file. The {@code cutover} and {@code schedule}
 * blocks are taken as written: a command's variables reach its shell intact. An unset variable without a default is a
 * problem of the field it is in.
 */
final class Interpolation {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Set<String> AS_WRITTEN = Set.of("cutover", "schedule");

    private final Function<String, String> environment;
    private final SpecProblems problems;

    Interpolation(Function<String, String> environment, SpecProblems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    Map<Object, Object> apply(Map<?, ?> root) {
        Map<Object, Object> out = new LinkedHashMap<>();
        root.forEach((k, v) -> out.put(k, AS_WRITTEN.contains(String.valueOf(k)) ? v : value(v, String.valueOf(k))));
        return out;
    }

    private Object value(Object node, String field) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, value(v, field + "." + k)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                // a variable in a list of names belongs to the list; a mapping in a list is a field of its own
                out.add(value(item, item instanceof Map ? field + "[" + i + "]" : field));
            }
            return out;
        }
        return node instanceof String s ? text(s, field) : node;
    }

    private String text(String text, String field) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                problems.add(field, "environment variable " + m.group(1) + " is not set; export it before running Parity");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
