package io.parity.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code SHOW GRANTS}, parsed: which privileges, on which scope. Only object grants
 * ({@code GRANT ... ON scope TO ...}) are parsed; role grants and routine grants are not object writes.
 *
 * <pre>
 * GRANT SELECT, INSERT, UPDATE (`note`) ON `shop`.* TO `migrator`@`%`
 *   -> privileges [SELECT, INSERT, UPDATE (`note`)], scope `shop`.*, database shop
 * </pre>
 *
 * @param privileges privileges as written, column lists included
 * @param scope      the scope as the server printed it ({@code *.*}, {@code `db`.*}, {@code `db`.`t`})
 * @param database   the database part unquoted, or null for {@code *.*}
 */
public record GrantLine(List<String> privileges, String scope, String database) {

    private static final Pattern GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(?!PROCEDURE\\s|FUNCTION\\s|PACKAGE\\s)"
            + "((?:`(?:[^`]|``)+`|\\*|[\\w$]+)\\.(?:`(?:[^`]|``)+`|\\*|[\\w$]+))\\s+TO\\s", Pattern.CASE_INSENSITIVE);

    /** Privileges that let an account change data or schema. */
    static final Set<String> WRITE = Set.of("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX",
            "CREATE VIEW", "TRIGGER", "CREATE ROUTINE", "ALTER ROUTINE", "EVENT", "LOCK TABLES",
            "CREATE TEMPORARY TABLES", "REFERENCES", "DELETE HISTORY", "ALL", "ALL PRIVILEGES");

    public static Optional<GrantLine> parse(String line) {
        Matcher m = GRANT.matcher(line.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        String scope = m.group(2);
        String db = scope.substring(0, scopeSplit(scope));
        return Optional.of(new GrantLine(split(m.group(1)), scope, db.equals("*") ? null : unquote(db)));
    }

    /** The privileges here that write, e.g. {@code [INSERT, UPDATE (`note`)]}. */
    public List<String> writePrivileges() {
        return privileges.stream().filter(p -> WRITE.contains(baseName(p))).toList();
    }

    /** Whether this grant reaches one of {@code databases} (names, matched with the server's {@code %}/{@code _}). */
    public boolean reaches(List<String> databases) {
        if (database == null) {
            return true;
        }
        String pattern = database.replace("\\_", "\u0000").replace("\\%", "\u0001");
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                case '\u0000' -> re.append('_');
                case '\u0001' -> re.append('%');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        Pattern p = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
        return databases.stream().anyMatch(d -> p.matcher(d).matches());
    }

    public boolean all() {
        return privileges.stream().map(GrantLine::baseName).anyMatch(p -> p.equals("ALL") || p.equals("ALL PRIVILEGES"));
    }

    static String baseName(String privilege) {
        int paren = privilege.indexOf('(');
        return (paren < 0 ? privilege : privilege.substring(0, paren)).trim().toUpperCase(Locale.ROOT);
    }

    private static int scopeSplit(String scope) {
        boolean quoted = false;
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return scope.length();
    }

    private static List<String> split(String privileges) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : privileges.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    private static String unquote(String name) {
        return name.startsWith("`") ? name.substring(1, name.length() - 1).replace("``", "`") : name;
    }
}
