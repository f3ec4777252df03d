package io.parity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The class list the launcher's training run loads into the class-data archive. */
class ParityApplicationTest {

    @Test
    void theTrainingRunLoadsTheListedDriverAndEngineClasses() throws IOException {
        long listed;
        try (InputStream in = ParityApplication.class.getResourceAsStream("/META-INF/parity/cds-preload.txt")) {
            assertThat(in).as("cds-preload.txt in the jar").isNotNull();
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
        assertThat(listed).isGreaterThan(300);
        // a list gone stale after a dependency upgrade archives less: regenerate it (sql/testbed/cds-preload.sh)
        assertThat(ParityApplication.preload()).as("classes of the list that still exist")
                .isGreaterThanOrEqualTo((int) (listed * 0.9));
    }
}
