package io.parity.privilege;

import io.parity.connect.SideConnection;
import io.parity.engine.AccountSql;
import io.parity.schema.SideTable;
import io.parity.schema.TablePlan;
import io.parity.schema.TableRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether verify's accounts could write to the tables they compare. Verify never writes (its sessions are read-only),
 * but an account that can is one leaked password away from harm, so the run says so in one line. Best effort: when the
 * privileges cannot be read, nothing is said.
 */
public final class WriteAccess {

    private WriteAccess() {
    }

    /** Tables asked about in one query: well under any engine's limit of bind parameters. */
    static final int BATCH = 500;

    /**
     * One warning line naming each side whose account can write to a compared table, or empty. One query a side for
     * every {@value #BATCH} tables, both sides at once: asked table by table, side after side, it was a round trip per
     * table on the path to the first chunk (measured: 50 tables, the destination 10 ms away, half a second).
     */
    public static Optional<String> warning(SideConnection source, SideConnection destination, List<TablePlan> plans,
                                           String job) {
        java.util.concurrent.CompletableFuture<Optional<String>> other = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> describe(destination, plans, TablePlan::destination), r -> {
                    Thread t = new Thread(r, "parity-write-access");
                    t.setDaemon(true);
                    t.start();
                });
        List<String> sides = new ArrayList<>();
        describe(source, plans, TablePlan::source).ifPresent(sides::add);
        other.join().ifPresent(sides::add);
        if (sides.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("warning: " + String.join("; ", sides) + ". Verify needs SELECT only: 'parity privileges"
                + " --job " + job + "' prints the grants");
    }

    private static Optional<String> describe(SideConnection side, List<TablePlan> plans,
                                             Function<TablePlan, SideTable> table) {
        Optional<AccountSql> sql = AccountSqls.forUrl(side.endpoint().url());
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        List<TableRef> tables = plans.stream().map(table).filter(java.util.Objects::nonNull).map(SideTable::ref)
                .toList();
        List<TableRef> writable = new ArrayList<>();
        try (Connection c = side.dataSource().getConnection()) {
            for (int from = 0; from < tables.size(); from += BATCH) {
                writable.addAll(writable(c, sql.get(), tables.subList(from, Math.min(tables.size(), from + BATCH))));
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
        if (writable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the " + side.side().label() + " account '" + side.endpoint().user() + "' can write to "
                + writable.get(0) + (writable.size() > 1 ? " and " + (writable.size() - 1) + " more compared tables"
                : ""));
    }

    /** The tables of {@code batch} the connected account may write to, in their order. */
    static List<TableRef> writable(Connection c, AccountSql sql, List<TableRef> batch) throws SQLException {
        boolean[] can = new boolean[batch.size()];
        try (PreparedStatement ps = c.prepareStatement(sql.canWrite(batch.size()))) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setString(2 * i + 1, batch.get(i).schema());
                ps.setString(2 * i + 2, batch.get(i).table());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    can[rs.getInt(1) - 1] = true;
                }
            }
        }
        List<TableRef> writable = new ArrayList<>();
        for (int i = 0; i < can.length; i++) {
            if (can[i]) {
                writable.add(batch.get(i));
            }
        }
        return writable;
    }
}
