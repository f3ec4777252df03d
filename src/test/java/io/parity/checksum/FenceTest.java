package io.parity.checksum;

import io.parity.engine.ReplicaLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The source's GTID position without what the destination originated itself, in both engines' notations. */
class FenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1-7307-42                       | 7308 |      | 1-7307-42",
            "1-7307-42,2-7308-5              | 7308 |      | 1-7307-42",
            "2-7308-5, 1-7307-42             | 7308 |      | 1-7307-42",
            "2-7308-5                        | 7308 |      | ''",
            "1-17308-42,2-7308-5             | 7308 |      | 1-17308-42",
            "aaaa-bb:1-5, cccc-dd:1-9        | 9    | CCCC-DD | aaaa-bb:1-5",
            "aaaa-bb:1-5,cccc-dd:1-9         | 9    | eeee   | aaaa-bb:1-5,cccc-dd:1-9",
            "aaaa-bb:1-5                     | 9    |        | aaaa-bb:1-5"})
    void dropsOnlyTheDestinationsOwnTransactions(String position, long serverId, String uuid, String expected) {
        assertThat(Fence.withoutOrigin(position, new ReplicaLink.ServerIdentity(serverId, uuid))).isEqualTo(expected);
    }

    /** MySQL breaks a long executed set into lines after its commas. */
    @Test
    void readsMySqlsMultiLineSets() {
        assertThat(Fence.withoutOrigin("aaaa-bb:1-5,\ncccc-dd:1-9,\neeee:3", new ReplicaLink.ServerIdentity(9, "cccc-dd")))
                .isEqualTo("aaaa-bb:1-5,eeee:3");
    }
}
