package io.parity.gate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One session on the source as {@code PROCESSLIST} joined to {@code INNODB_TRX} shows it (or {@code pg_stat_activity}
 * in the same terms), and whether it writes.
 *
 * @param id           process id ({@code KILL} takes it)
 * @param user         account user
 * @param host         client host and port
 * @param command      {@code Query}, {@code Sleep}, {@code Binlog Dump}, ...
 * @param seconds      time in the current command
 * @param statement    the running statement, or the transaction's current one, or null when idle
 * @param trxAge       seconds since its transaction started, null without one
 * @param rowsModified rows its open transaction has changed, null without one or when the engine does not count
 *                     them (PostgreSQL reports only the transactions that count as writers)
 */
public record SessionRow(long id, String user, String host, String command, long seconds, String statement,
                         Long trxAge, Long rowsModified) {

    /** Server-internal sessions and replication threads: never a workload's writer. */
    private static final Set<String> INTERNAL_USERS = Set.of("system user", "event_scheduler", "unauthenticated user");
    private static final Set<String> INTERNAL_COMMANDS = Set.of("binlog dump", "binlog dump gtid", "daemon",
            "slave_io", "slave_sql", "slave_worker", "connect");
    private static final Set<String> DML = Set.of("insert", "update", "delete", "replace", "load", "merge", "alter",
            "create", "drop", "truncate", "rename", "call");

    /** Comments that ORMs and proxies put before a statement, skipped to find its verb. */
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(?:\\s+|/\\*.*?\\*/|(?:--|#)[^\\n]*\\n)*",
            Pattern.DOTALL);

    public boolean internal() {
        return INTERNAL_USERS.contains(user.toLowerCase(Locale.ROOT))
                || INTERNAL_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    /**
     * Holds a transaction that changed rows (or, where rows are not counted, a transaction the engine reports as a
     * writer), or is running a statement that changes data or schema.
     */
    public boolean writing() {
        return (rowsModified != null && rowsModified > 0) || (trxAge != null && rowsModified == null) || runsDml();
    }

    private boolean runsDml() {
        if (statement == null || !"query".equalsIgnoreCase(command)) {
            return false;
        }
        String s = LEADING_COMMENTS.matcher(statement).replaceFirst("").toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return DML.contains(s.substring(0, end));
    }

    /** Age of what makes it a writer: the transaction if it has one, else the running statement. */
    public long age() {
        return trxAge != null ? trxAge : seconds;
    }

    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("user", user);
        v.put("host", host);
        v.put("age_seconds", age());
        v.put("command", command);
        v.put("in_transaction", trxAge != null);
        v.put("rows_modified", rowsModified);
        v.put("statement_digest", StatementDigest.digest(statement));
        v.put("statement_shape", statement == null ? "(idle in transaction)" : StatementDigest.text(statement));
        return v;
    }

    public String describe() {
        return "session " + id + " " + user + "@" + host + ", age " + age() + " s, "
                + (trxAge == null ? "" : rowsModified == null ? "open transaction that may have written, "
                : "open transaction with " + rowsModified + " changed row(s), ")
                + (statement == null ? "idle" : "digest " + StatementDigest.digest(statement) + " \""
                + StatementDigest.text(statement) + "\"");
    }
}
