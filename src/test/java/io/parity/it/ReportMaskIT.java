package io.parity.it;

import io.parity.report.KeyedHash;
import io.parity.spec.Secret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports under {@code report.samples} and {@code columns.mask}, against the real server: differences planted in
 * columns that hold recognisable secrets; every file written under the report directory (and the process's output)
 * is searched for them. Masked reports still name the differing columns and show equal values as equal hashes;
 * {@code none} shows no value; {@code full} is as before. Directories are {@code 0700} and files {@code 0600},
 * repair and undo SQL included (they alone hold the values).
 */
class ReportMaskIT {

    static final String SRC = "pit_mask_src";
    static final String DST = "pit_mask_dst";
    static final String KEY = "it-mask-key-0f3c9a7e5b1d";

    /** Non-key values only on one side or differing: none may appear in a masked or keys-only report. */
    static final List<String> SECRETS = List.of("alice.SECRET@example.com", "alice.CHANGED@example.com",
            "SSN-111-22-3333", "SSN-999-88-7777", "Gotham-Secretville", "carol.SECRET@example.com",
            "SSN-555-44-3333", "dave.SECRET@example.com", "tok-SECRET-aaaa", "tok-SECRET-bbbb");
    /** A text key named in columns.mask. */
    static final String LOGIN = "login-SECRET-mallory";

    @TempDir
    static Path dir;

    @BeforeAll
    static void plantDifferences() throws IOException {
        Files.writeString(dir.resolve("mask.key"), KEY + "\n");
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String schema : List.of(SRC, DST)) {
            db.execute("CREATE TABLE " + schema + ".customers (id INT PRIMARY KEY, email VARCHAR(60), ssn VARCHAR(20),"
                    + " city VARCHAR(30), note VARCHAR(30))",
                    "CREATE TABLE " + schema + ".accounts (login VARCHAR(40) PRIMARY KEY, token VARCHAR(40))",
                    "CREATE TABLE " + schema + ".notes (line VARCHAR(40) NOT NULL)");
        }
        db.execute("INSERT INTO " + SRC + ".customers VALUES"
                        + " (1, 'alice.SECRET@example.com', 'SSN-000-00-0001', 'Gotham-Secretville', 'plain-note-1'),"
                        + " (2, 'bob@example.com', 'SSN-111-22-3333', 'Metropolis', 'plain-note-2'),"
                        + " (3, 'carol.SECRET@example.com', 'SSN-555-44-3333', 'Smallville', NULL),"
                        + " (5, 'erin@example.com', 'SSN-000-00-0005', 'Star City', '')",
                "INSERT INTO " + DST + ".customers VALUES"
                        + " (1, 'alice.CHANGED@example.com', 'SSN-000-00-0001', 'Gotham-Secretville', 'plain-note-1'),"
                        + " (2, 'bob@example.com', 'SSN-999-88-7777', 'Metropolis', 'plain-note-2'),"
                        + " (4, 'dave.SECRET@example.com', 'SSN-000-00-0004', 'Keystone', 'plain-note-4'),"
                        + " (5, 'erin@example.com', 'SSN-000-00-0005', 'Star City', '')",
                "INSERT INTO " + SRC + ".accounts VALUES ('" + LOGIN + "', 'tok-SECRET-aaaa'), ('login-x', 'tok-x')",
                "INSERT INTO " + DST + ".accounts VALUES ('" + LOGIN + "', 'tok-SECRET-bbbb'), ('login-x', 'tok-x')",
                "INSERT INTO " + SRC + ".notes VALUES ('note-SECRET-src'), ('note-same')",
                "INSERT INTO " + DST + ".notes VALUES ('note-same')");
    }

    private static Path spec(String name, String report, String accountsColumns) {
        return spec(name, report, accountsColumns, "");
    }

    private static Path spec(String name, String report, String accountsColumns, String moreTables) {
        return SpecFiles.write(dir, name, SRC, DST, "tables:\n  - name: customers\n  - name: accounts\n"
                + accountsColumns + moreTables + report);
    }

    private static Path reports(String job) {
        return dir.resolve("reports").resolve(job);
    }

    private static CliRun verify(Path spec) {
        return CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /** Every file under {@code root} and the output, concatenated, for searching. */
    private static String everything(Path root, String output) throws IOException {
        StringBuilder text = new StringBuilder(output);
        for (Path f : files(root)) {
            text.append('\n').append(f).append('\n').append(Files.readString(f, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static void assertPrivate(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void maskedReportsHoldNoSecretButNameTheColumnsAndShowEqualValuesEqual() throws Exception {
        Path spec = spec("masked", "report: { samples: masked }\n", "    columns: { mask: [login] }\n",
                "  - name: notes\n");
        Path log = dir.resolve("masked-process.log");
        Process p = ParityProcess.start(log, Map.of("PARITY_MASK_KEY", KEY), "verify", "--job", spec.toString(),
                "--report-dir", dir.resolve("reports").toString(), "--repository-url",
                "jdbc:h2:file:" + dir.resolve("repo-process").toAbsolutePath());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = ParityProcess.read(log);
        assertThat(p.exitValue()).as(output).isEqualTo(1);

        Path runDir = VerifyIT.onlyRunDir(reports("masked"));
        String all = everything(reports("masked"), output);
        for (String secret : SECRETS) {
            assertThat(all).as("a masked report shows no value").doesNotContain(secret);
        }
        assertThat(all).doesNotContain(LOGIN).doesNotContain("note-SECRET-src").as("the mask key is never written")
                .doesNotContain(KEY);

        KeyedHash hash = new KeyedHash(Secret.of(KEY));
        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).contains(hash.of("alice.SECRET@example.com"), hash.of("alice.CHANGED@example.com"),
                hash.of("SSN-111-22-3333"), hash.of("SSN-999-88-7777"), hash.of("tok-SECRET-aaaa"))
                .contains("<span class=\"null\">NULL</span>");
        assertThat(count(html, hash.of("Gotham-Secretville"))).as("equal on both sides, so equal masks").isEqualTo(2);
        assertThat(count(html, hash.of("erin@example.com"))).as("row 5 is equal and not sampled").isZero();
        assertThat(html).contains("<code>id=1</code>").as("keys stay readable unless masked")
                .contains("<code>login=" + hash.of(LOGIN) + "</code>");

        String diffs = Files.readString(runDir.resolve("diffs.jsonl"));
        assertThat(diffs).contains("{\"table\":\"" + SRC + ".customers\",\"kind\":\"changed\",\"key\":{\"id\":1},"
                + "\"columns\":[\"email\"]}").contains("\"key\":{\"id\":2},\"columns\":[\"ssn\"]}")
                .contains("\"key\":{\"login\":\"" + hash.of(LOGIN) + "\"},\"columns\":[\"token\"]}")
                .as("a row without a key is named by its masked row hash")
                .containsPattern("\\{\"table\":\"" + SRC + ".notes\",\"kind\":\"missing\",\"key\":\\{\"row-sha1\":"
                        + "\"hmac:[0-9a-f]{12}\"},\"columns\":\\[]}");
        assertThat(html).contains("Masked values are shown as <code>hmac:</code>");
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("| changed | `id=1` | email |")
                .contains("| changed | `login=" + hash.of(LOGIN) + "` | token |");
        assertThat(Files.readString(runDir.resolve("junit.xml"))).contains("changed login=" + hash.of(LOGIN));
        assertPrivate(reports("masked"));
    }

    @Test
    void columnsMaskAloneHidesItsColumnsAndShowsTheRest() throws Exception {
        Path spec = spec("columns", "report: { mask-key-file: mask.key }\n", "    columns: { mask: [token] }\n");
        CliRun run = verify(spec);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        String all = everything(reports("columns"), run.out() + run.err());
        assertThat(all).doesNotContain("tok-SECRET-aaaa").doesNotContain("tok-SECRET-bbbb").doesNotContain(KEY)
                .contains(LOGIN).as("customers is not masked").contains("alice.SECRET@example.com");
        KeyedHash hash = new KeyedHash(Secret.of(KEY));
        assertThat(Files.readString(VerifyIT.onlyRunDir(reports("columns")).resolve("report.html")))
                .contains(hash.of("tok-SECRET-aaaa"), hash.of("tok-SECRET-bbbb"));
    }

    @Test
    void noneShowsKeysAndColumnNamesOnly() throws Exception {
        CliRun run = verify(spec("none", "report: { samples: none }\n", ""));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        String all = everything(reports("none"), run.out() + run.err());
        for (String secret : SECRETS) {
            assertThat(all).doesNotContain(secret);
        }
        assertThat(all).doesNotContain("hmac:");
        String html = Files.readString(VerifyIT.onlyRunDir(reports("none")).resolve("report.html"));
        assertThat(html).contains("report.samples: none").contains("<code>id=1</code> differing: <code>email</code>")
                .contains("<code>login=&#39;" + LOGIN + "&#39;</code> differing: <code>token</code>")
                .doesNotContain("class=\"side-by-side\"");
        assertPrivate(reports("none"));
    }

    @Test
    void fullIsAsBeforeAndRepairSqlIsPrivate() throws Exception {
        Path spec = spec("full", "", "");
        CliRun run = verify(spec);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Path runDir = VerifyIT.onlyRunDir(reports("full"));
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("alice.SECRET@example.com",
                "alice.CHANGED@example.com", "SSN-999-88-7777", "tok-SECRET-bbbb").doesNotContain("hmac:");

        CliRun repair = CliRun.run(dir, "repair", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertThat(repair.exitCode()).as(repair.out() + repair.err()).isZero();
        Path repairSql = runDir.resolve("repair").resolve(DST + ".customers.sql");
        Path undoSql = runDir.resolve("undo").resolve(DST + ".customers.sql");
        assertThat(Files.readString(repairSql)).as("repair SQL carries the values it writes")
                .contains("alice.SECRET@example.com");
        assertThat(Files.readString(undoSql)).contains("alice.CHANGED@example.com");
        assertPrivate(reports("full"));
    }

    @Test
    void aMisspelledMaskColumnFailsBeforeAnythingIsWritten() {
        Path spec = spec("typo", "report: { mask-key-file: mask.key }\n", "    columns: { mask: [tokken] }\n");
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("tables[1].columns.mask: column 'tokken' does not exist in " + SRC
                + ".accounts on the source");
        assertThat(reports("typo")).doesNotExist();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
