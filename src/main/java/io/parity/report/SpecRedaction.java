package io.parity.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's text as the report may show it: literal passwords (in {@code password:} fields and in JDBC URL
 * parameters) become {@code ******}. References such as {@code ${DST_PASSWORD}} and {@code password-file:} paths stay,
 * because they name where the secret is, not what it is.
 */
public final class SpecRedaction {

    private static final Pattern PASSWORD_FIELD = Pattern.compile("(?m)^([ \\t]*password[ \\t]*:[ \\t]*)(\\S.*?)[ \\t]*$");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:password|pwd)=)[^&;\"'\\s]*");

    private SpecRedaction() {
    }

    public static String redact(String spec) {
        Matcher m = PASSWORD_FIELD.matcher(spec);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            boolean reference = value.matches("[\"']?\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-)?}[\"']?"); // a default may be a secret
            boolean empty = value.equals("\"\"") || value.equals("''");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (reference || empty ? value : "******")));
        }
        m.appendTail(out);
        return URL_PASSWORD.matcher(out).replaceAll("$1******");
    }
}
