package io.parity.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 against MariaDB: two engines whose native encodings differ are compared in the portable encoding both read, under
 * the cross-engine type mapping: equal rows are equal (no type or collation findings for INTEGER and int(11), or for
 * CHARACTER VARYING(40) and varchar(40)), a planted change is reported exactly.
 */
class MixedEnginesIT {

    @TempDir
    Path dir;

    @Test
    void h2AgainstMariaDbComparesValuesInThePortableEncoding() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate("pit_ux_mixed");
        db.execute("USE pit_ux_mixed", "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(10,2),"
                        + " at DATETIME(3), ratio DOUBLE, data VARBINARY(8))",
                "INSERT INTO items VALUES (1, 'a', 1.50, '2024-01-01 10:00:00.000', 0.1, X'00'),"
                        + " (2, 'é😀', NULL, '2024-01-01 10:00:00.500', -0.0, X''), (3, 'c', 3, NULL, 1e300, NULL)");
        String h2 = "jdbc:h2:file:" + dir.resolve("h2db").toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(h2, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40), price DECIMAL(10,2),"
                    + " at TIMESTAMP(3), ratio DOUBLE PRECISION, data VARBINARY(8))");
            st.execute("INSERT INTO items VALUES (1, 'a', 1.50, TIMESTAMP '2024-01-01 10:00:00', 0.1, X'00'),"
                    + " (2, 'é😀', NULL, TIMESTAMP '2024-01-01 10:00:00.5', CAST('-0.0' AS DOUBLE PRECISION), X''),"
                    + " (3, 'c', 3.01, NULL, 1e300, NULL)");
        }
        Path spec = Files.writeString(dir.resolve("mixed.yml"), "name: mixed\n"
                + "source:\n  url: \"" + h2 + "\"\n  user: sa\n  password: \"\"\n"
                + "destination:\n  url: " + db.url("pit_ux_mixed") + "\n  user: " + db.user() + "\n  password: \""
                + db.password() + "\"\n"
                + "tables: [{name: public.items, target: items}]\noptions: { recheck: { attempts: 0 } }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("0 schema findings");
        assertThat(Files.readString(dir.resolve("r/mixed/1/diffs.jsonl"))).isEqualTo(
                "{\"table\":\"public.items\",\"kind\":\"changed\",\"key\":{\"id\":3},\"columns\":[\"price\"]}\n");
        db.execute("DROP DATABASE pit_ux_mixed");
    }
}
