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

    /** One warning line naming each side whose account can write to a compared table, or empty. */
    public static Optional<String> warning(SideConnection source, SideConnection destination, List<TablePlan> plans,
                                           String job) {
        List<String> sides = new ArrayList<>();
        describe(source, plans, TablePlan::source).ifPresent(sides::add);
        describe(destination, plans, TablePlan::destination).ifPresent(sides::add);
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
        List<TableRef> writable = new ArrayList<>();
        try (Connection c = side.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql.get().canWrite())) {
            for (TablePlan plan : plans) {
                SideTable t = table.apply(plan);
                if (t != null && canWrite(ps, t.ref())) {
                    writable.add(t.ref());
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        if (writable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the " + side.side().label() + " account '" + side.endpoint().user() + "' can write to "
                + writable.get(0) + (writable.size() > 1 ? " and " + (writable.size() - 1) + " more compared tables"
                : ""));
    }

    private static boolean canWrite(PreparedStatement ps, TableRef ref) throws SQLException {
        ps.setString(1, ref.schema());
        ps.setString(2, ref.table());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
