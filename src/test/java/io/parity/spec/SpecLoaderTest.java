package io.parity.spec;

import io.parity.core.Failure;
import io.parity.core.HashAlgorithm;
import io.parity.core.ParityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpecLoaderTest {

    private static final String VALID_SIDES = """
            source:
              url: jdbc:mysql://127.0.0.1:3306/shop
              user: parity
              password: pw
            destination:
              url: jdbc:mysql://10.0.0.2:3306/shop
              user: parity
              password: pw
            """;

    private static final String FULL = """
            name: shop-nightly
            source:
              url: jdbc:mysql://${SRC_HOST}:3306/shop
              user: parity_ro
              password: ${SRC_PASSWORD}
            destination:
              url: jdbc:mariadb://${DST_HOST:-10.0.0.2}:3307/shop_new
              user: ${DST_USER:-checker}
              password-file: secrets/dst.txt
            tables:
              - name: shop.orders
                target: shop_new.orders
                key: [id, line]
                where: "created_at < '2026-01-01'"
                columns: { ignore: [updated_at, etag] }
              - include: "shop.*"
                exclude: ["shop.tmp_*", "shop.bak_?"]
              - shop.customers
            options:
              chunk-rows: 5000
              parallelism: 4
              hash: md5
            """;

    @TempDir
    Path dir;

    private Path jobs;

    @BeforeEach
    void createJobsDir() throws IOException {
        jobs = Files.createDirectories(dir.resolve("jobs"));
    }

    private Path write(String name, String text) throws IOException {
        Path file = jobs.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static SpecLoader loader(Map<String, String> env) {
        return new SpecLoader(env::get);
    }

    private ParityException failure(String text) throws IOException {
        return failure(text, Map.of());
    }

    private ParityException failure(String text, Map<String, String> env) throws IOException {
        Path file = write("bad.yml", text);
        ParityException e = catchThrowableOfType(ParityException.class, () -> loader(env).load(file));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        return e;
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryFieldOfAFullSpec() throws Exception {
        Files.createDirectories(jobs.resolve("secrets"));
        Files.writeString(jobs.resolve("secrets/dst.txt"), "  dst-s3cret\n");
        Path file = write("shop.yml", FULL);

        JobSpec spec = loader(Map.of("SRC_HOST", "db1", "SRC_PASSWORD", "src-s3cret")).load(file);

        assertThat(spec.name()).isEqualTo("shop-nightly");
        assertThat(spec.file()).isEqualTo(file);
        assertThat(spec.sha256()).isEqualTo(sha256(FULL));

        assertThat(spec.source().label()).isEqualTo("source");
        assertThat(spec.source().url()).isEqualTo("jdbc:mysql://db1:3306/shop");
        assertThat(spec.source().user()).isEqualTo("parity_ro");
        assertThat(spec.source().password().reveal()).isEqualTo("src-s3cret");

        assertThat(spec.destination().label()).isEqualTo("destination");
        assertThat(spec.destination().url()).isEqualTo("jdbc:mariadb://10.0.0.2:3307/shop_new");
        assertThat(spec.destination().user()).isEqualTo("checker");
        assertThat(spec.destination().password().reveal()).isEqualTo("dst-s3cret");

        assertThat(spec.tables()).containsExactly(
                new TableSpec("shop.orders", null, List.of(), "shop_new.orders", List.of("updated_at", "etag"),
                        "created_at < '2026-01-01'", List.of("id", "line"), "tables[0]"),
                new TableSpec(null, "shop.*", List.of("shop.tmp_*", "shop.bak_?"), null, List.of(), null, List.of(),
                        "tables[1]"),
                new TableSpec("shop.customers", null, List.of(), null, List.of(), null, List.of(), "tables[2]"));
        assertThat(spec.tables().get(1).isGlob()).isTrue();
        assertThat(spec.tables().get(0).isGlob()).isFalse();

        Options d = Options.defaults();
        assertThat(spec.options()).isEqualTo(new Options(5000, 4, HashAlgorithm.MD5, d.recheck(), d.retry(),
                d.throttle(), d.lockWaitTimeout(), d.fence(), d.fenceTimeout(), io.parity.core.Hashing.AUTO, null,
                d.reconcile()));
    }

    @Test
    void parallelismIsTheSpecsOrChosenFromHowFarTheSidesAre() throws Exception {
        Path open = write("open.yml", VALID_SIDES + "tables: [t]\noptions: { hashing: client }\n");
        Options chosen = loader(Map.of()).load(open).options();
        assertThat(chosen.parallelism()).isEqualTo(Options.CHOSEN);
        assertThat(chosen.parallelism(false)).isEqualTo(Options.DEFAULT_PARALLELISM);
        assertThat(chosen.parallelism(true)).isEqualTo(2 * Options.DEFAULT_PARALLELISM);
        assertThat(chosen.mostParallelism()).isEqualTo(2 * Options.DEFAULT_PARALLELISM);
        assertThat(Options.defaults().parallelism(true)).isEqualTo(2 * Options.DEFAULT_PARALLELISM);
        for (int set : new int[] {1, 2, 7}) {
            Path file = write("set" + set + ".yml", VALID_SIDES + "tables: [t]\noptions: { parallelism: " + set + " }\n");
            Options options = loader(Map.of()).load(file).options();
            assertThat(options.parallelism(false)).isEqualTo(set);
            assertThat(options.parallelism(true)).as("a value the spec sets is kept").isEqualTo(set);
            assertThat(options.mostParallelism()).isEqualTo(set);
        }
        assertThat(failure(VALID_SIDES + "tables: [t]\noptions: { parallelism: 0 }\n").getMessage())
                .contains("options.parallelism").contains("from 1 to 64");
    }

    @Test
    void readsHashingAndChunkTime() throws Exception {
        Path file = write("fast.yml", VALID_SIDES + "tables: [t]\noptions: { hashing: client, chunk-time: 500ms }\n");
        Options options = loader(Map.of()).load(file).options();
        assertThat(options.hashing()).isEqualTo(io.parity.core.Hashing.CLIENT);
        assertThat(options.reconcile()).isEqualTo(Reconcile.ROW_HASHES);
        assertThat(options.chunkTime()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(options.chunkRows()).as("client hashing's default").isEqualTo(Options.DEFAULT_CLIENT_CHUNK_ROWS);
        Path explicit = write("explicit.yml", VALID_SIDES + "tables: [t]\noptions: { hashing: client, chunk-rows: 700 }\n");
        assertThat(loader(Map.of()).load(explicit).options().chunkRows()).isEqualTo(700);
        Path off = write("off.yml", VALID_SIDES + "tables: [t]\noptions: { chunk-time: off }\n");
        assertThat(loader(Map.of()).load(off).options().chunkTime()).isNull();
        assertThat(loader(Map.of()).load(off).options().hashing()).isEqualTo(io.parity.core.Hashing.AUTO);
        Path buckets = write("buckets.yml", VALID_SIDES + "tables: [t]\noptions: { reconcile: buckets }\n");
        assertThat(loader(Map.of()).load(buckets).options().reconcile()).isEqualTo(Reconcile.BUCKETS);
        assertThat(Reconcile.ROW_HASHES.specName()).isEqualTo("row-hashes");
        assertThat(Reconcile.parse("Row-Hashes")).isEqualTo(Reconcile.ROW_HASHES);
        assertThat(options.boundaries()).isEqualTo(io.parity.spec.Boundaries.ARITHMETIC);
        Path index = write("index.yml", VALID_SIDES + "tables: [t]\noptions: { boundaries: index }\n");
        assertThat(loader(Map.of()).load(index).options().boundaries()).isEqualTo(io.parity.spec.Boundaries.INDEX);
    }

    @Test
    void appliesDefaultsWhenOptionalFieldsAreAbsent() throws Exception {
        Path file = write("nightly-check.yaml", VALID_SIDES + "tables: [shop.orders]\n");

        JobSpec spec = loader(Map.of()).load(file);

        assertThat(spec.name()).isEqualTo("nightly-check");
        assertThat(spec.options()).isEqualTo(Options.defaults());
        assertThat(spec.options().hashing()).isEqualTo(io.parity.core.Hashing.AUTO);
        assertThat(spec.options().chunkRows()).isEqualTo(Options.DEFAULT_CLIENT_CHUNK_ROWS);
        assertThat(spec.tables()).extracting(TableSpec::name).containsExactly("shop.orders");
    }

    @Test
    void repositoryIsNullWhenAbsent() throws Exception {
        Path file = write("a.yml", VALID_SIDES + "tables: [t]\n");

        assertThat(loader(Map.of()).load(file).repository()).isNull();
    }

    @Test
    void readsRepositoryEndpoint() throws Exception {
        Path file = write("a.yml", VALID_SIDES + """
                tables: [t]
                repository:
                  url: jdbc:mariadb://repo:3306/parity
                  user: batch
                  password: ${REPO_PW}
                """);

        Endpoint repo = loader(Map.of("REPO_PW", "r3po")).load(file).repository();

        assertThat(repo.label()).isEqualTo("repository");
        assertThat(repo.url()).isEqualTo("jdbc:mariadb://repo:3306/parity");
        assertThat(repo.user()).isEqualTo("batch");
        assertThat(repo.password().reveal()).isEqualTo("r3po");
    }

    @Test
    void hashIsCaseInsensitive() throws Exception {
        Path file = write("a.yml", VALID_SIDES + "tables: [t]\noptions: { hash: CRC64 }\n");

        assertThat(loader(Map.of()).load(file).options().hash()).isEqualTo(HashAlgorithm.CRC64);
    }

    static Stream<Arguments> interpolations() {
        return Stream.of(
                Arguments.of("${V}", Map.of("V", "val"), "val"),
                Arguments.of("${V:-fallback}", Map.of("V", "val"), "val"),
                Arguments.of("${V:-fallback}", Map.of(), "fallback"),
                Arguments.of("${V:-}", Map.of(), ""),
                Arguments.of("pre-${A}-mid-${B:-b}-post", Map.of("A", "a"), "pre-a-mid-b-post"),
                Arguments.of("${V}", Map.of("V", "p$1w\\d"), "p$1w\\d"),
                Arguments.of("${V}", Map.of("V", "${W}"), "${W}"),
                Arguments.of("$V {V} $(V)", Map.of("V", "val"), "$V {V} $(V)"));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("interpolations")
    void interpolatesEnvironmentVariables(String written, Map<String, String> env, String expected) throws Exception {
        Path file = write("env.yml", VALID_SIDES.replace("user: parity\n  password: pw\ndestination",
                "user: \"<" + written + ">\"\n  password: pw\ndestination") + "tables: [t]\n");

        JobSpec spec = loader(env).load(file);

        assertThat(spec.source().user()).isEqualTo("<" + expected + ">");
        assertThat(spec.sha256()).isEqualTo(sha256(Files.readString(file)));
    }

    @Test
    void interpolatesInsideListsAndTableFields() throws Exception {
        Path file = write("env.yml", VALID_SIDES + """
                tables:
                  - name: ${SCHEMA}.orders
                    key: ["${KEY_COL}"]
                    columns: { ignore: ["${IGNORED:-updated_at}"] }
                """);

        JobSpec spec = loader(Map.of("SCHEMA", "shop", "KEY_COL", "id")).load(file);

        assertThat(spec.tables().get(0).name()).isEqualTo("shop.orders");
        assertThat(spec.tables().get(0).key()).containsExactly("id");
        assertThat(spec.tables().get(0).ignoreColumns()).containsExactly("updated_at");
    }

    @Test
    void passwordNeverAppearsInToString() throws Exception {
        Files.writeString(jobs.resolve("pw.txt"), "file-pass-42\n");
        Path file = write("s.yml", """
                source: { url: "jdbc:mysql://h/db?password=url-pass-7", user: u, password: inline-pass-99 }
                destination: { url: "jdbc:mysql://h/db", user: u, password-file: pw.txt }
                tables: [t]
                """);

        JobSpec spec = loader(Map.of()).load(file);

        assertThat(spec.source().password().reveal()).isEqualTo("inline-pass-99");
        assertThat(spec.destination().password().reveal()).isEqualTo("file-pass-42");
        assertThat(spec.source().password()).hasToString("******");
        assertThat(spec.source().toString()).doesNotContain("inline-pass-99").doesNotContain("url-pass-7");
        assertThat(spec.destination().toString()).doesNotContain("file-pass-42");
        assertThat(spec.toString()).doesNotContain("inline-pass-99").doesNotContain("file-pass-42");
    }

    @Test
    void emptyPasswordIsNone() {
        assertThat(Secret.of(null).isEmpty()).isTrue();
        assertThat(Secret.of("").toString()).isEqualTo("(none)");
        assertThat(Secret.of("x").toString()).isEqualTo("******");
        assertThat(Secret.of("x").isEmpty()).isFalse();
    }

    @Test
    void sha256IsOfRawTextBeforeInterpolation() throws Exception {
        String text = VALID_SIDES.replace("password: pw\ndestination", "password: ${PW}\ndestination")
                + "tables: [t]\n";
        Path file = write("h.yml", text);

        JobSpec a = loader(Map.of("PW", "one")).load(file);
        JobSpec b = loader(Map.of("PW", "two")).load(file);

        assertThat(a.sha256()).isEqualTo(sha256(text)).isEqualTo(b.sha256());
        assertThat(a.source().password().reveal()).isEqualTo("one");
    }

    static Stream<Arguments> problems() {
        String tables = "tables: [t]\n";
        return Stream.of(
                Arguments.of("unknown root key", VALID_SIDES + tables + "colour: red\n", "colour: unknown key"),
                Arguments.of("unknown endpoint key",
                        VALID_SIDES.replace("user: parity\n  password: pw\ndestination",
                                "user: parity\n  password: pw\n  port: 3306\ndestination") + tables,
                        "source.port: unknown key"),
                Arguments.of("unknown table key", VALID_SIDES + "tables:\n  - name: t\n    keys: [id]\n",
                        "tables[0].keys: unknown key"),
                Arguments.of("unknown columns key", VALID_SIDES + "tables:\n  - name: t\n    columns: { skip: [a] }\n",
                        "tables[0].columns.skip: unknown key"),
                Arguments.of("unknown option", VALID_SIDES + tables + "options: { threads: 3 }\n",
                        "options.threads: unknown key"),
                Arguments.of("missing source",
                        "destination: { url: 'jdbc:mysql://h/d', user: u, password: p }\n" + tables,
                        "source: missing"),
                Arguments.of("missing destination",
                        "source: { url: 'jdbc:mysql://h/d', user: u, password: p }\n" + tables,
                        "destination: missing"),
                Arguments.of("source not a mapping", "source: jdbc:mysql://h/d\n"
                        + "destination: { url: 'jdbc:mysql://h/d', user: u }\n" + tables, "source: must be a mapping"),
                Arguments.of("missing url", "source: { user: u, password: p }\n"
                        + "destination: { url: 'jdbc:mysql://h/d', user: u }\n" + tables, "source.url: missing"),
                Arguments.of("blank url", "source: { url: '  ', user: u }\n"
                        + "destination: { url: 'jdbc:mysql://h/d', user: u }\n" + tables, "source.url: missing"),
                Arguments.of("missing user", "source: { url: 'jdbc:mysql://h/d' }\n"
                        + "destination: { url: 'jdbc:mysql://h/d', user: u }\n" + tables, "source.user: missing"),
                Arguments.of("non-jdbc url", "source: { url: 'jdbc:mysql://h/d', user: u }\n"
                                + "destination: { url: 'mysql://h/d', user: u }\n" + tables,
                        "destination.url: 'mysql://h/d' is not a JDBC URL"),
                Arguments.of("repository with non-jdbc url", VALID_SIDES + tables
                                + "repository: { url: 'h2:mem:x', user: sa }\n",
                        "repository.url: 'h2:mem:x' is not a JDBC URL"),
                Arguments.of("unknown repository key", VALID_SIDES + tables
                                + "repository: { url: 'jdbc:h2:mem:x', user: sa, schema: p }\n",
                        "repository.schema: unknown key"),
                Arguments.of("missing tables", VALID_SIDES, "tables: missing"),
                Arguments.of("empty tables", VALID_SIDES + "tables: []\n", "tables: must be a non-empty list"),
                Arguments.of("tables not a list", VALID_SIDES + "tables: { name: t }\n", "tables: must be a non-empty list"),
                Arguments.of("table entry neither string nor mapping", VALID_SIDES + "tables: [[a, b]]\n",
                        "tables[0]: must be a table name"),
                Arguments.of("name and include", VALID_SIDES + "tables:\n  - { name: s.t, include: 's.*' }\n",
                        "tables[0]: needs exactly one of 'name:'"),
                Arguments.of("neither name nor include", VALID_SIDES + "tables:\n  - { key: [id] }\n",
                        "tables[0]: needs exactly one of 'name:'"),
                Arguments.of("target with include but no star", VALID_SIDES
                                + "tables:\n  - t\n  - { include: 's.*', target: x.y }\n",
                        "tables[1].target: 'x.y' would name one table for every table of 's.*'"),
                Arguments.of("target with more stars than the include", VALID_SIDES
                                + "tables:\n  - { include: 's.t*', target: '*.*' }\n",
                        "tables[0].target: '*.*' has more '*' than the include glob 's.t*'"),
                Arguments.of("target with a question mark", VALID_SIDES
                                + "tables:\n  - { include: 's.t?', target: 'x.t?' }\n",
                        "tables[0].target: '?' has no meaning in a target"),
                Arguments.of("per-side where with semicolon", VALID_SIDES
                                + "tables:\n  - { name: s.t, where: { source: 'a = 1', destination: 'b = 1; x' } }\n",
                        "tables[0].where.destination: must be one SQL condition"),
                Arguments.of("where with unknown side", VALID_SIDES
                                + "tables:\n  - { name: s.t, where: { src: 'a = 1' } }\n",
                        "tables[0].where.src: unknown key"),
                Arguments.of("two columns mapped to one", VALID_SIDES
                                + "tables:\n  - { name: s.t, columns: { map: { a: x, b: X } } }\n",
                        "tables[0].columns.map.b: maps to 'X' like 'a' does"),
                Arguments.of("column mapped to nothing", VALID_SIDES
                                + "tables:\n  - { name: s.t, columns: { map: { a: '' } } }\n",
                        "tables[0].columns.map.a: names no destination column"),
                Arguments.of("exclude without include", VALID_SIDES + "tables:\n  - { name: s.t, exclude: ['s.x'] }\n",
                        "tables[0].exclude: only filters an 'include:' glob"),
                Arguments.of("columns not a mapping", VALID_SIDES + "tables:\n  - { name: s.t, columns: [a] }\n",
                        "tables[0].columns: must be a mapping"),
                Arguments.of("where with semicolon", VALID_SIDES + "tables:\n  - { name: s.t, where: 'a = 1; DROP TABLE t' }\n",
                        "tables[0].where: must be one SQL condition"),
                Arguments.of("key not a list", VALID_SIDES + "tables:\n  - { name: s.t, key: { a: 1 } }\n",
                        "tables[0].key: must be a list of names"),
                Arguments.of("bad hashing", VALID_SIDES + tables + "options: { hashing: gpu }\n",
                        "options.hashing: 'gpu' is not a place to hash rows; use auto, server or client"),
                Arguments.of("bad reconcile", VALID_SIDES + tables + "options: { reconcile: bisect }\n",
                        "options.reconcile: 'bisect' is not a way to reconcile; use row-hashes or buckets"),
                Arguments.of("bad boundaries", VALID_SIDES + tables + "options: { boundaries: random }\n",
                        "options.boundaries: 'random' is not a way to find chunk boundaries; use arithmetic or index"),
                Arguments.of("bad chunk-time", VALID_SIDES + tables + "options: { chunk-time: 5ms }\n",
                        "options.chunk-time: '5ms' is out of range"),
                Arguments.of("chunk-time not a duration", VALID_SIDES + tables + "options: { chunk-time: soon }\n",
                        "options.chunk-time: 'soon' is not a duration"),
                Arguments.of("bad hash", VALID_SIDES + tables + "options: { hash: sha256 }\n",
                        "options.hash: 'sha256' is not a hash"),
                Arguments.of("chunk-rows 0", VALID_SIDES + tables + "options: { chunk-rows: 0 }\n",
                        "options.chunk-rows: '0' is not a whole number"),
                Arguments.of("chunk-rows negative", VALID_SIDES + tables + "options: { chunk-rows: -5 }\n",
                        "options.chunk-rows: '-5' is not a whole number"),
                Arguments.of("chunk-rows not an integer", VALID_SIDES + tables + "options: { chunk-rows: 1.5 }\n",
                        "options.chunk-rows: '1.5' is not a whole number"),
                Arguments.of("chunk-rows text", VALID_SIDES + tables + "options: { chunk-rows: lots }\n",
                        "options.chunk-rows: 'lots' is not a whole number"),
                Arguments.of("chunk-rows too large", VALID_SIDES + tables + "options: { chunk-rows: 100000001 }\n",
                        "options.chunk-rows: '100000001' is not a whole number from 1 to 100000000"),
                Arguments.of("parallelism too large", VALID_SIDES + tables + "options: { parallelism: 65 }\n",
                        "options.parallelism: '65' is not a whole number from 1 to 64"),
                Arguments.of("options not a mapping", VALID_SIDES + tables + "options: [a]\n",
                        "options: must be a mapping"),
                Arguments.of("invalid name", "name: 'my job'\n" + VALID_SIDES + tables,
                        "name: 'my job' is not a valid job name"),
                Arguments.of("unset env var",
                        VALID_SIDES.replace("password: pw\ndestination", "password: ${SRC_PW}\ndestination") + tables,
                        "source.password: environment variable SRC_PW is not set"),
                Arguments.of("unset env var in url",
                        VALID_SIDES.replace("127.0.0.1", "${SRC_HOST}") + tables,
                        "source.url: environment variable SRC_HOST is not set"),
                Arguments.of("user is a mapping", "source: { url: 'jdbc:mysql://h/d', user: u, password: { a: 1 } }\n"
                        + "destination: { url: 'jdbc:mysql://h/d', user: u }\n" + tables,
                        "source.password: must be a single value, not a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsOneLineNamingTheField(String name, String text, String expected) throws IOException {
        ParityException e = failure(text);

        assertThat(e.getMessage().lines()).hasSize(1);
        assertThat(e.getMessage()).startsWith(jobs.resolve("bad.yml") + ": ").contains(": " + expected);
    }

    @Test
    void passwordAndPasswordFileBothSet() throws IOException {
        Files.writeString(jobs.resolve("pw.txt"), "x");

        ParityException e = failure("""
                source: { url: 'jdbc:mysql://h/d', user: u }
                destination: { url: 'jdbc:mysql://h/d', user: u, password: p, password-file: pw.txt }
                tables: [t]
                """);

        assertThat(e.getMessage().lines()).hasSize(1);
        assertThat(e.getMessage()).contains("destination.password: both password and password-file are set");
    }

    @Test
    void unreadablePasswordFile() throws IOException {
        ParityException e = failure("""
                source: { url: 'jdbc:mysql://h/d', user: u }
                destination: { url: 'jdbc:mysql://h/d', user: u, password-file: secrets/missing.txt }
                tables: [t]
                """);

        assertThat(e.getMessage().lines()).hasSize(1);
        assertThat(e.getMessage()).contains("destination.password-file: cannot read 'secrets/missing.txt'");
    }

    @Test
    void passwordFileIsResolvedAgainstTheSpecDirectoryNotTheWorkingDirectory() throws IOException {
        Files.writeString(dir.resolve("pw.txt"), "wrong-place");

        ParityException e = failure("""
                source: { url: 'jdbc:mysql://h/d', user: u, password-file: pw.txt }
                destination: { url: 'jdbc:mysql://h/d', user: u }
                tables: [t]
                """);

        assertThat(e.getMessage()).contains("source.password-file: cannot read 'pw.txt'");
    }

    @Test
    void reportsAllProblemsTogether() throws IOException {
        ParityException e = failure("""
                colour: red
                source: { url: 'mysql://h/d', user: u, password: '${NOPE}' }
                tables:
                  - { name: s.t, include: 's.*' }
                  - { name: s.u, exclude: [x] }
                options: { chunk-rows: 0, hash: sha256 }
                """);

        assertThat(e.getMessage().lines()).hasSize(8);
        assertThat(e.getMessage())
                .contains(": colour: unknown key")
                .contains(": source.url: 'mysql://h/d' is not a JDBC URL")
                .contains(": source.password: environment variable NOPE is not set")
                .contains(": destination: missing")
                .contains(": tables[0]: needs exactly one of")
                .contains(": tables[1].exclude: only filters")
                .contains(": options.chunk-rows: '0' is not a whole number")
                .contains(": options.hash: 'sha256' is not a hash");
        assertThat(e.getMessage().lines()).allSatisfy(line -> assertThat(line).startsWith(jobs.resolve("bad.yml") + ": "));
    }

    @Test
    void theWholeFileIsValidatedInOnePassCutoverAndScheduleIncluded() throws IOException {
        ParityException e = failure(VALID_SIDES + """
                tables:
                  - { name: s.t, key: [id, { b: 1 }], columns: { ignore: { a: 1 } } }
                workers: { broker: "amqp://h", timeout: 0s }
                schedule: "*/5 * * * *"
                cutover:
                  heartbeat: { gtid-domain-id: -1, colour: red }
                  steps:
                    - gate: lag
                      max-delay: soon
                    - gate: lagg
                    - action: pause
                      run: "x"
                """);

        assertThat(e.getMessage().lines()).allSatisfy(line -> assertThat(line).startsWith(jobs.resolve("bad.yml") + ": "));
        assertThat(e.getMessage())
                .contains(": tables[0].key: must be a list of names")
                .contains(": tables[0].columns.ignore: must be a list of names such as [a, b]")
                .contains(": workers.timeout: '0s' is zero")
                .contains(": schedule: '*/5 * * * *' is not a cron expression")
                .contains(": cutover.heartbeat.colour: unknown key; expected one of [gtid-domain-id, id, schema]")
                .contains(": cutover.heartbeat.gtid-domain-id: '-1' is not a GTID domain id")
                .contains(": cutover.steps[0].max-delay: 'soon' is not a duration")
                .contains(": cutover.steps[1].gate: 'lagg' is not a gate")
                .contains(": cutover.steps[2].run: unknown key");
        assertThat(e.getMessage().lines()).hasSize(9);
    }

    @Test
    void perSideWhereColumnRenamesAndGlobTargets() throws IOException {
        JobSpec spec = loader(Map.of()).load(write("m.yml", VALID_SIDES + """
                tables:
                  - name: shop.orders
                    where: { source: "region = 'eu'" }
                    columns: { map: { full_name: name, qty: quantity } }
                  - include: "shop.*"
                    target: "shop_v2.*"
                    where: "id > 0"
                """));
        TableSpec orders = spec.tables().get(0);
        assertThat(orders.sourceWhere()).isEqualTo("region = 'eu'");
        assertThat(orders.destinationWhere()).isNull();
        assertThat(orders.columnMap()).containsExactly(Map.entry("full_name", "name"), Map.entry("qty", "quantity"));
        TableSpec glob = spec.tables().get(1);
        assertThat(glob.target()).isEqualTo("shop_v2.*");
        assertThat(glob.sourceWhere()).isEqualTo("id > 0");
        assertThat(glob.destinationWhere()).isEqualTo("id > 0");
    }

    @Test
    void throttleWatchesListedReplicasAndBoundsTheWaitForAStoppedOne() throws IOException {
        JobSpec spec = loader(Map.of()).load(write("th.yml", VALID_SIDES + "tables: [t]\noptions: { throttle: {"
                + " replica-lag: 10s, replicas: ['jdbc:mysql://r1:3306/'], stopped-replica-wait: 2m } }\n"));
        assertThat(spec.options().throttle()).isEqualTo(new ThrottlePolicy(null, java.time.Duration.ofSeconds(10), null,
                List.of("jdbc:mysql://r1:3306/"), java.time.Duration.ofMinutes(2)));
        assertThat(loader(Map.of()).load(write("th0.yml", VALID_SIDES + "tables: [t]\noptions: { throttle: {"
                + " replica-lag: 10s } }\n")).options().throttle().stoppedReplicaWait())
                .isEqualTo(java.time.Duration.ofSeconds(60));
        ParityException e = catchThrowableOfType(ParityException.class, () -> loader(Map.of()).load(write("th1.yml",
                VALID_SIDES + "tables: [t]\noptions: { throttle: { replicas: ['r1:3306'] } }\n")));
        assertThat(e.getMessage()).contains("options.throttle.replicas[0]: 'r1:3306' is not a JDBC URL")
                .contains("options.throttle.replicas: are watched for their lag; set options.throttle.replica-lag too");
    }

    @Test
    void fenceIsAutoByDefaultAndRecheckWaitsAtMostMaxWait() throws IOException {
        JobSpec plain = loader(Map.of()).load(write("f0.yml", VALID_SIDES + "tables: [t]\n"));
        assertThat(plain.options().fence()).isEqualTo(FenceMode.AUTO);
        assertThat(plain.options().recheck().maxWait()).isEqualTo(java.time.Duration.ofMinutes(2));
        JobSpec set = loader(Map.of()).load(write("f1.yml", VALID_SIDES
                + "tables: [t]\noptions: { fence: none, recheck: { attempts: 2, max-wait: 30s } }\n"));
        assertThat(set.options().fence()).isEqualTo(FenceMode.NONE);
        assertThat(set.options().recheck()).isEqualTo(new RecheckPolicy(2, java.time.Duration.ofSeconds(1), 2.0,
                java.time.Duration.ofSeconds(30)));
        assertThat(loader(Map.of()).load(write("f2.yml", VALID_SIDES + "tables: [t]\noptions: { fence: GTID }\n"))
                .options().fence()).isEqualTo(FenceMode.GTID);
        ParityException e = catchThrowableOfType(ParityException.class, () -> loader(Map.of()).load(write("f3.yml",
                VALID_SIDES + "tables: [t]\noptions: { fence: wal, recheck: { max-wait: soon } }\n")));
        assertThat(e.getMessage()).contains("options.fence: 'wal' is not a fence; use auto, gtid (lsn on PostgreSQL) or none")
                .contains("options.recheck.max-wait: 'soon' is not a duration");
    }

    @Test
    void oneDurationSyntaxEverywhere() throws IOException {
        Path file = write("d.yml", VALID_SIDES + """
                tables: [t]
                options: { lock-wait-timeout: 2m, fence-timeout: 90, chunk-time: 250 ms, recheck: { delay: 1d } }
                workers: { broker: "amqp://h", timeout: 12h }
                cutover:
                  steps:
                    - gate: lag
                      max-delay: 500ms
                      timeout: 2d
                """);
        JobSpec spec = loader(Map.of()).load(file);

        assertThat(spec.options().lockWaitTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(spec.options().fenceTimeout()).as("a bare number is seconds").isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(spec.options().chunkTime()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(spec.options().recheck().delay()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(spec.workers().timeout()).isEqualTo(java.time.Duration.ofHours(12));
        GateStep lag = spec.cutover().gate("lag").orElseThrow();
        assertThat(lag.settings().duration("max-delay", null)).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(lag.settings().timeout()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(Durations.parse("-5s")).isNull();
        assertThat(Durations.parse("5 fortnights")).isNull();
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        ParityException e = failure("source:\n  url: [unclosed\ntables: [t]\n");

        assertThat(e.getMessage()).contains("malformed YAML").contains("at line ").contains("fix the YAML syntax");
    }

    @Test
    void duplicateKeyIsMalformed() throws IOException {
        ParityException e = failure(VALID_SIDES + "tables: [t]\ntables: [u]\n");

        assertThat(e.getMessage()).contains("malformed YAML").contains("tables");
    }

    @Test
    void nonMappingYaml() throws IOException {
        ParityException e = failure("- just\n- a list\n");

        assertThat(e.getMessage()).contains("not a YAML mapping");
    }

    @Test
    void emptyFileIsNotAMapping() throws IOException {
        ParityException e = failure("");

        assertThat(e.getMessage()).contains("not a YAML mapping");
    }

    @Test
    void missingFile() {
        Path file = jobs.resolve("nope.yml");

        ParityException e = catchThrowableOfType(ParityException.class, () -> loader(Map.of()).load(file));

        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(e.getMessage()).contains(file.toString()).contains("does not exist");
    }

    @Test
    void secretsNeverAppearInProblemMessages() throws IOException {
        ParityException e = failure("""
                source: { url: 'mysql://h/d', user: u, password: hunter2-secret }
                destination: { url: 'jdbc:mysql://h/d', user: u, password: '${PW}' }
                tables: [t]
                """, Map.of("PW", "env-secret-77"));

        assertThat(e.getMessage()).doesNotContain("hunter2-secret").doesNotContain("env-secret-77");
    }
}
