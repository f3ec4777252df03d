package io.parity.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * The states of a native replica that waiting cannot change, read from one observation's replica values: on MySQL and
 * MariaDB a stopped SQL or IO thread, or a replication error ({@code Last_SQL_Error}, or {@code Last_IO_Error} while
 * the IO thread is not merely {@code Connecting}); on PostgreSQL a standby whose replay is paused or a disabled
 * subscription. Each needs an operator, so a polling gate that meets one fails at once with it as the reason instead
 * of sitting until its timeout. A WAL receiver or apply worker that is not running, and an IO thread still
 * {@code Connecting}, may come back by themselves: they are not stuck.
 */
final class StuckReplica {

    private StuckReplica() {
    }

    /** Why the replica in {@code o} will not recover without an operator; empty when it may. */
    static List<String> reasons(Observation o) {
        List<String> reasons = new ArrayList<>();
        if (!o.flag("native_replica")) {
            return reasons;
        }
        String sql = text(o.value("sql_running"));
        Object kind = o.value("replica_kind");
        if ("standby".equals(kind)) {
            if (sql.equalsIgnoreCase("No")) {
                reasons.add("standby replay is paused (SELECT pg_wal_replay_resume() resumes it)");
            }
            return reasons;
        }
        if ("subscription".equals(kind)) {
            if (sql.equalsIgnoreCase("No")) {
                reasons.add("the subscription is disabled (ALTER SUBSCRIPTION ... ENABLE starts it)");
            }
            return reasons;
        }
        String io = text(o.value("io_running"));
        String sqlError = text(o.value("last_sql_error"));
        String ioError = text(o.value("last_io_error"));
        if (sql.equalsIgnoreCase("No")) {
            reasons.add("the replica SQL thread is stopped" + (sqlError.isEmpty() ? "" : " on error: " + sqlError));
        } else if (!sqlError.isEmpty()) {
            reasons.add("replication SQL error: " + sqlError);
        }
        if (io.equalsIgnoreCase("No")) {
            reasons.add("the replica IO thread is stopped" + (ioError.isEmpty() ? "" : " on error: " + ioError));
        } else if (!ioError.isEmpty() && !io.equalsIgnoreCase("Connecting")) {
            reasons.add("replication IO error: " + ioError);
        }
        if (!reasons.isEmpty()) {
            reasons.set(reasons.size() - 1, reasons.get(reasons.size() - 1)
                    + " (fix the cause, then START SLAVE / START REPLICA)");
        }
        return reasons;
    }

    /** The sentence a gate fails with: what it waited for, then why waiting is pointless. */
    static String failure(String waitingFor, List<String> reasons) {
        return waitingFor + "; waiting will not help: " + String.join("; ", reasons);
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString().trim();
    }
}
