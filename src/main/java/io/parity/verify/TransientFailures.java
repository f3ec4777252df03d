package io.parity.verify;

import io.parity.core.Failure;
import io.parity.core.ParityException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which failures of a read are worth retrying: the connection was killed or lost, a lock wait timed out, a deadlock,
 * a query interrupted. Reads have no side effects, so a retry is always safe; these are the cases where it may help.
 */
final class TransientFailures {

    /** 1205 lock wait timeout, 1213 deadlock, 1317 query interrupted, 1927 connection killed (MariaDB),
     *  2006 server gone away, 2013 lost connection, 3024 max execution time (MySQL). */
    static final Set<Integer> CODES = Set.of(1205, 1213, 1317, 1927, 2006, 2013, 3024);

    private TransientFailures() {
    }

    static boolean isTransient(RuntimeException e) {
        if (!(e instanceof ParityException p) || p.failure() != Failure.INCOMPLETE) {
            return false;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (CODES.contains(sql.getErrorCode()) || state.startsWith("08") || state.equals("40001")) {
                    return true;
                }
            }
        }
        return false;
    }
}
