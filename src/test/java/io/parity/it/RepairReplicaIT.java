package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying a repair to a server that is itself a replica (the pair's 3308) is refused unless --allow-replica is
 * given; with it and --no-binlog the repair converges. The tables live in a database only the replica has, so the
 * pair's own replication is not disturbed.
 */
class RepairReplicaIT {

    static final String SRC = "pit_reprep_src";
    static final String DST = "pit_reprep_dst";

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        ReplicationPair.start();
        TestDatabase.get().recreate(SRC);
        TestDatabase.get().execute("USE " + SRC, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)");
        ReplicationPair.execute(ReplicationPair.DESTINATION, "SET SESSION sql_log_bin = 0",
                "DROP DATABASE IF EXISTS " + DST, "CREATE DATABASE " + DST,
                "CREATE TABLE " + DST + ".t (id INT PRIMARY KEY, v INT)", "INSERT INTO " + DST + ".t VALUES (1, 1), (2, 9)");
    }

    @AfterAll
    static void tearDown() {
        ReplicationPair.execute(ReplicationPair.DESTINATION, "SET SESSION sql_log_bin = 0", "DROP DATABASE IF EXISTS " + DST);
        ReplicationPair.reset();
    }

    CliRun parity(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--report-dir";
        all[args.length + 1] = dir.resolve("reports").toString();
        return CliRun.run(dir, all);
    }

    @Test
    void aReplicaTargetIsRefusedUnlessAllowed() throws Exception {
        TestDatabase db = TestDatabase.get();
        Path spec = dir.resolve("replica.yml");
        Files.writeString(spec, "name: replica\nsource: {url: \"" + db.url(SRC) + "\", user: " + db.user() + ", password: \""
                + db.password() + "\"}\ndestination: {url: \"" + ReplicationPair.url(ReplicationPair.DESTINATION, DST)
                + "\", user: root, password: \"\"}\ntables: [t]\n");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isEqualTo(1);

        CliRun refused = parity("repair", "--job", spec.toString(), "--apply");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("the destination is a replica (replicating from 127.0.0.1)")
                .contains("--allow-replica").contains("nothing was written");
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).as("nothing applied").isEqualTo(1);

        CliRun allowed = parity("repair", "--job", spec.toString(), "--apply", "--allow-replica", "--no-binlog");
        assertThat(allowed.exitCode()).as(allowed.out() + allowed.err()).isZero();
        assertThat(parity("verify", "--job", spec.toString()).exitCode()).isZero();
    }
}
