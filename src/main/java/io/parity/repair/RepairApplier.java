package io.parity.repair;

import io.parity.connect.ConnectionErrors;
import io.parity.connect.SideConnection;
import io.parity.core.ParityException;
import io.parity.engine.RepairSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a repair script to the target, one transaction per batch. A statement that affects no row was stopped by
 * its guard (the row changed since it was read) and is skipped, as is an insert whose key appeared meanwhile; both are
 * reported by key. Any other error rolls back the current batch and stops; batches committed before it stay
 * committed and are reported through the progress callback, so the run can be continued (repair again) or undone.
 */
public final class RepairApplier {

    /** Outcome so far: what was applied and what guards skipped. */
    public record Progress(int committedTransactions, List<RepairAction> applied, List<RepairAction> skipped) {
    }

    static final int DUPLICATE_KEY = 1062;

    private final SideConnection writer;
    private final boolean noBinlog;

    public RepairApplier(SideConnection writer, boolean noBinlog) {
        this.writer = writer;
        this.noBinlog = noBinlog;
    }

    public Progress apply(RepairScript script, Consumer<Progress> afterCommit) {
        RepairSql sql = writer.engine().repair();
        List<RepairAction> applied = new ArrayList<>();
        List<RepairAction> skipped = new ArrayList<>();
        int committed = 0;
        try (Connection c = writer.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : sql.sessionHeader()) {
                st.execute(s);
            }
            if (noBinlog) {
                st.execute(sql.withoutReplication().orElseThrow());
            }
            c.setAutoCommit(false);
            for (List<RepairAction> batch : script.transactions()) {
                List<RepairAction> batchApplied = new ArrayList<>();
                List<RepairAction> batchSkipped = new ArrayList<>();
                try {
                    for (RepairAction a : batch) {
                        (execute(st, script.statements(a)) ? batchApplied : batchSkipped).add(a);
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new ParityException(io.parity.core.Failure.INCOMPLETE, writer.side().label() + ": applying "
                            + script.table().ref() + " stopped in transaction " + (committed + 1) + " (" + e.getMessage()
                            + "); " + committed + " earlier transactions are committed; run repair again to continue"
                            + " or apply the undo file", e);
                }
                committed++;
                applied.addAll(batchApplied);
                skipped.addAll(batchSkipped);
                afterCommit.accept(new Progress(committed, List.copyOf(applied), List.copyOf(skipped)));
            }
        } catch (SQLException e) {
            throw ConnectionErrors.during("applying the repair of " + script.table().ref(), writer.side(), e);
        }
        return new Progress(committed, applied, skipped);
    }

    /**
     * True when the action's first statement changed a row; false when a guard or a concurrent insert stopped it. The
     * statements after the first append pieces of a large value to the row the first one wrote.
     */
    private static boolean execute(Statement st, List<String> statements) throws SQLException {
        try {
            if (st.executeUpdate(statements.get(0)) == 0) {
                return false;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        for (String piece : statements.subList(1, statements.size())) {
            st.executeUpdate(piece);
        }
        return true;
    }
}
