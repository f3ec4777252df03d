package io.parity.gate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account as the spec names it: {@code user} (any host) or {@code user@host}, where the host may use the server's
 * {@code %} and {@code _} wildcards, as in {@code 'app'@'10.0.%'}. Hosts from the process list carry a port
 * ({@code 10.0.0.7:53124}); it is ignored.
 */
public record AccountPattern(String user, String host) {

    public static AccountPattern parse(String text) {
        String t = text.trim();
        int at = t.lastIndexOf('@');
        String user = at < 0 ? t : t.substring(0, at);
        String host = at < 0 ? "%" : t.substring(at + 1);
        return new AccountPattern(unquote(user), unquote(host));
    }

    public boolean matches(String sessionUser, String sessionHost) {
        if (!user.equals(sessionUser)) {
            return false;
        }
        String h = sessionHost == null ? "" : sessionHost;
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(':') == colon) {
            h = h.substring(0, colon);
        }
        return like(host).matcher(h.toLowerCase(Locale.ROOT)).matches();
    }

    private static Pattern like(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '`' || t.charAt(0) == '"')
                && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    @Override
    public String toString() {
        return user + "@" + host;
    }
}
