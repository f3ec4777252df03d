package io.parity.remote;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a worker's failed partition is explained on the manager, from the exit description the repository kept. */
class FailureReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the worker running this partition was lost; restart the run | the worker running this partition was lost; restart the run",
            "java.lang.IllegalStateException: pool closed\\n\\tat x.y(Z.java:1) | pool closed",
            "org.springframework.beans.factory.BeanCreationException: Error creating bean 'r': threw exception with message: spec.yml: source.password: environment variable X is not set | spec.yml: source.password: environment variable X is not set",
            "java.lang.RuntimeException: wrapped\\n\\tat a.b(C.java:1)\\nCaused by: io.parity.core.ParityException: source connection lost while checking t | source connection lost while checking t",
    })
    void takesParitysOwnMessageWhereThereIsOne(String description, String reason) {
        assertThat(RemotePartitionHandler.reason(description.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(reason);
    }
}
