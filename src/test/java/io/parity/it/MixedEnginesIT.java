package io.parity.it;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.spec.Endpoint;
import io.parity.spec.JobSpec;
import io.parity.spec.Options;
import io.parity.spec.Secret;
import io.parity.spec.TableSpec;
import io.parity.verify.VerifyPreparation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** H2 against MariaDB is refused as bad input: their row encodings differ, so every row would look changed. */
class MixedEnginesIT {

    @Test
    void h2AgainstMariaDbIsRefusedBeforeAnyRun() {
        TestDatabase db = TestDatabase.get();
        db.recreate("pit_ux_mixed");
        JobSpec spec = new JobSpec("mixed", Path.of("mixed.yml"), "0".repeat(64),
                new Endpoint("source", "jdbc:h2:mem:pit_ux_mixed;DB_CLOSE_DELAY=-1", "sa", Secret.of("")),
                new Endpoint("destination", db.url("pit_ux_mixed"), db.user(), Secret.of(db.password())),
                List.of(new TableSpec(null, "*", List.of(), null, List.of(), null, List.of(), "tables[0]")),
                Options.defaults(), null);
        assertThatThrownBy(() -> VerifyPreparation.prepare(spec)).isInstanceOf(ParityException.class)
                .hasMessageContaining("the source is H2 2.").hasMessageContaining("destination is MariaDB")
                .extracting(e -> ((ParityException) e).failure()).isEqualTo(Failure.BAD_INPUT);
        db.execute("DROP DATABASE pit_ux_mixed");
    }
}
