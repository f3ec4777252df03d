package io.parity.it;

import io.parity.core.KeyValues;
import io.parity.core.RowDiff;
import io.parity.reconcile.KeyRecheck;
import io.parity.schema.TablePlan;
import io.parity.spec.SpecLoader;
import io.parity.verify.VerifyContext;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-check on the real server when the source changes between its read and the fence or heartbeat: the destination
 * then shows the newer row (ahead, not behind). Compared with the source as first read it differs; compared with the
 * source as read after, it does not, so it is no difference. A real difference equals neither and stays one.
 */
class KeyRecheckIT {

    static final String SRC = "pit_krc_src";
    static final String DST = "pit_krc_dst";

    @TempDir
    Path dir;

    @Test
    void aRowAheadOfTheFirstReadIsNoDifferenceAndARealOneStays() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        db.execute("USE " + SRC, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t VALUES (1, 1), (2, 1)");
        // row 1: the destination already has what the source will write next; row 2: really different
        db.execute("USE " + DST, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "INSERT INTO t VALUES (1, 2), (2, 99)");
        Path spec = SpecFiles.write(dir, "krc", SRC, DST, "tables: [t]\noptions: { fence: none }\n");
        try (VerifyContext context = VerifyPreparation.prepare(SpecLoader.fromSystemEnvironment().load(spec))) {
            TablePlan plan = context.plans().get(0);
            KeyRecheck recheck = new KeyRecheck(plan, context.source(), context.destination());
            List<KeyValues> keys = List.of(KeyValues.of(1), KeyValues.of(2));
            Runnable sourceMovesOn = () -> db.execute("USE " + SRC, "UPDATE t SET v = 2");

            Map<KeyValues, List<RowDiff>> firstReadOnly = recheck.byKey(keys, sourceMovesOn);
            assertThat(firstReadOnly.get(KeyValues.of(1))).hasSize(1);

            db.execute("USE " + SRC, "UPDATE t SET v = 1");
            Map<KeyValues, List<RowDiff>> beforeOrAfter = recheck.byKeyBeforeOrAfter(keys, sourceMovesOn);
            assertThat(beforeOrAfter.get(KeyValues.of(1))).as("ahead of the first read: equal to the later one").isEmpty();
            assertThat(beforeOrAfter.get(KeyValues.of(2))).as("a real difference").hasSize(1);
        }
    }
}
