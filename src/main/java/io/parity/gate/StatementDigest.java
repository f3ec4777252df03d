package io.parity.gate;

import org.apache.commons.codec.digest.DigestUtils;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A statement's shape without its values, and a short hash of that shape, in the spirit of MySQL's
 * {@code STATEMENT_DIGEST()} (which MariaDB lacks): {@code UPDATE t SET a = 5 WHERE id IN (1,2,3)} becomes
 * {@code update t set a = ? where id in (...)}. Evidence shows the shape, never the values, so a session's data
 * does not leak into reports, and two sessions running the same statement share a digest.
 */
public final class StatementDigest {

    private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern HEX = Pattern.compile("\\b(?:0x[0-9a-fA-F]+|[xX]'[0-9a-fA-F]*')");
    private static final Pattern NUMBERS = Pattern.compile("(?<![\\w`])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\b");
    private static final Pattern LISTS = Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    static final int MAX_TEXT = 200;

    private StatementDigest() {
    }

    /** The normalised statement, at most {@value #MAX_TEXT} characters. */
    public static String text(String sql) {
        if (sql == null || sql.isBlank()) {
            return "";
        }
        String s = HEX.matcher(sql).replaceAll("?");
        s = STRINGS.matcher(s).replaceAll("?");
        s = NUMBERS.matcher(s).replaceAll("?");
        s = LISTS.matcher(s).replaceAll("(...)");
        s = SPACE.matcher(s).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }

    /** The first 16 hex digits of the SHA-256 of {@link #text}; empty for no statement. */
    public static String digest(String sql) {
        String text = text(sql);
        return text.isEmpty() ? "" : DigestUtils.sha256Hex(text).substring(0, 16);
    }
}
