package io.parity.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parity serve} in its own JVM against real MariaDB: a spec scheduled every two seconds runs repeatedly, never
 * overlapping itself; its runs show in the JSON API with the planted differences, then as consistent once the
 * destination is fixed; the page (rendered by headless Chromium) lists the job, its verdict, a trend with one dot per
 * run and links to reports the server serves (its content security policy still lets Chromium draw the page's
 * styles); the Prometheus scrape counts rows, chunks and differences by kind. On loopback without credentials the
 * server is open; {@link ServeAuthIT} covers the protected one.
 */
class ServeIT {

    static final String SRC = "pit_serve_src";
    static final String DST = "pit_serve_dst";
    static final String JOB = "pit-serve";

    @TempDir
    static Path dir;
    static Process serve;
    static String base;
    static JsonNode differing;
    static JsonNode afterFix;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void startServeAndWaitForRuns() throws Exception {
        TestDatabase db = TestDatabase.get();
        db.recreate(SRC, DST);
        for (String d : List.of(SRC, DST)) {
            db.execute("USE " + d, "CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL)",
                    "INSERT INTO items SELECT seq, CONCAT('v', seq) FROM " + Numbers.upTo(3000));
        }
        db.execute("USE " + DST, "DELETE FROM items WHERE id IN (10, 2000)", "UPDATE items SET v = 'x' WHERE id = 77",
                "INSERT INTO items VALUES (5000, 'extra')");
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Path spec = SpecFiles.write(jobs, JOB, SRC, DST, "schedule: \"*/2 * * * * *\"\ntables: [items]\n"
                + "options:\n  chunk-rows: 500\n  recheck: { attempts: 0 }\n");
        SpecFiles.write(jobs, "manual-only", SRC, DST, "tables: [items]\n"); // no schedule: listed as skipped
        assertThat(spec).exists();
        serve = ParityProcess.start(dir.resolve("serve.log"), Map.of(), "serve", "--jobs", jobs.toString(),
                "--port", "0", "--report-dir", dir.resolve("reports").toString(),
                "--repository-url", "jdbc:h2:file:" + dir.resolve("repo").toAbsolutePath());
        base = awaitBaseUrl();
        differing = awaitJob(job -> finished(job).size() >= 2);
        db.execute("USE " + DST, "INSERT INTO items VALUES (10, 'v10'), (2000, 'v2000')",
                "UPDATE items SET v = 'v77' WHERE id = 77", "DELETE FROM items WHERE id = 5000");
        afterFix = awaitJob(job -> !finished(job).isEmpty() && finished(job).get(0).get("verdict").asText()
                .equals("consistent"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.destroy(); // SIGTERM: the service lets a run in progress finish
            assertThat(serve.waitFor(90, TimeUnit.SECONDS)).as("serve stopped on SIGTERM").isTrue();
        }
    }

    @Test
    void apiShowsScheduledRunsWithTheirDifferences() {
        assertThat(differing.get("schedule").asText()).isEqualTo("*/2 * * * * *");
        JsonNode run = finished(differing).get(0);
        assertThat(run.get("verdict").asText()).isEqualTo("differences");
        assertThat(run.get("missing").asLong()).isEqualTo(2);
        assertThat(run.get("extra").asLong()).isEqualTo(1);
        assertThat(run.get("changed").asLong()).isEqualTo(1);
        assertThat(run.get("differences").asLong()).isEqualTo(4);
        assertThat(run.get("rows").asLong()).isEqualTo(3000);
        assertThat(run.get("report").asText()).isEqualTo("/reports/" + JOB + "/" + run.get("runId").asLong() + "/report.html");
        assertThat(afterFix.get("lastVerdict").asText()).isEqualTo("consistent");
        assertThat(finished(afterFix).get(0).get("differences").asLong()).isZero();
    }

    @Test
    void aDirectoryWithoutScheduledSpecsIsBadInputInOneLine() throws IOException {
        Path manual = Files.createDirectories(dir.resolve("manual-jobs"));
        SpecFiles.write(manual, "manual", SRC, DST, "tables: [items]\n");
        CliRun run = CliRun.run(dir, "serve", "--jobs", manual.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no job spec in " + manual + " has a schedule:");
    }

    @Test
    void serveIsRegisteredWithHelpExamplesAndCompletion() {
        CliRun help = CliRun.run(null, "serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: parity serve").contains("Examples:").contains("--jobs=DIR")
                .contains("schedule: \"0 */15 * * * *\"");
        assertThat(CliRun.run(null, "--help").out()).contains("parity serve --jobs jobs/");
        assertThat(CliRun.run(null, "completion", "bash").out()).contains("serve").contains("--jobs");
    }

    @Test
    void runsOfTheJobNeverOverlap() {
        List<JsonNode> runs = finished(afterFix);
        assertThat(runs.size()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i + 1 < runs.size(); i++) { // newest first
            Instant laterStart = Instant.parse(runs.get(i).get("started").asText());
            Instant earlierEnd = Instant.parse(runs.get(i + 1).get("started").asText())
                    .plusMillis(runs.get(i + 1).get("durationMillis").asLong());
            assertThat(laterStart).as("run %s starts after run %s ended", runs.get(i).get("runId"),
                    runs.get(i + 1).get("runId")).isAfterOrEqualTo(earlierEnd);
        }
    }

    @Test
    void serverServesTheLinkedReport() throws Exception {
        HttpResponse<String> report = get(finished(differing).get(0).get("report").asText());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(report.body()).contains("DIFFERENCES FOUND");
        assertThat(report.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(report.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(report.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        assertThat(get("/reports/../serve.log").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsCountRowsChunksAndDifferencesByKind() throws Exception {
        String metrics = get("/metrics").body();
        int runs = (int) value(metrics, "parity_run_duration_seconds_count{job=\"pit-serve\",verdict=\"differences\"}");
        assertThat(runs).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "parity_differences_total{job=\"pit-serve\",kind=\"missing\"}")).isEqualTo(2.0 * runs);
        assertThat(value(metrics, "parity_differences_total{job=\"pit-serve\",kind=\"extra\"}")).isEqualTo(1.0 * runs);
        assertThat(value(metrics, "parity_differences_total{job=\"pit-serve\",kind=\"changed\"}")).isEqualTo(1.0 * runs);
        double allRuns = runs + value(metrics, "parity_run_duration_seconds_count{job=\"pit-serve\",verdict=\"consistent\"}");
        // runs keep coming every 2 s: one may be half recorded while the scrape is written
        assertThat(value(metrics, "parity_rows_verified_total{job=\"pit-serve\"}")).isIn(3000.0 * allRuns,
                3000.0 * (allRuns + 1));
        assertThat(value(metrics, "parity_chunks_total{job=\"pit-serve\"}")).isGreaterThanOrEqualTo(6.0 * allRuns);
        assertThat(value(metrics, "parity_last_differences{job=\"pit-serve\"}")).isZero();
    }

    @Test
    void chromiumRendersJobVerdictTrendAndReportLinks() throws Exception {
        String dom = chromium("--dump-dom", base + "/");
        assertThat(dom).contains("<tr class=\"job\" data-job=\"pit-serve\">").doesNotContain("data-job=\"manual-only\"");
        assertThat(dom).contains("<span class=\"status consistent\">consistent</span>");
        Matcher points = Pattern.compile("<svg class=\"trend\" data-job=\"pit-serve\" data-points=\"(\\d+)\"").matcher(dom);
        assertThat(points.find()).isTrue();
        int shown = Integer.parseInt(points.group(1));
        assertThat(shown).isGreaterThanOrEqualTo(finished(afterFix).size());
        assertThat(count(dom, "class=\"dot differences\"")).isGreaterThanOrEqualTo(2);
        assertThat(count(dom, "class=\"dot consistent\"")).isGreaterThanOrEqualTo(1);
        long runId = finished(differing).get(0).get("runId").asLong();
        assertThat(dom).contains("href=\"/reports/pit-serve/" + runId + "/report.html\"");
        assertThat(dom).doesNotContain("<script").doesNotContain("src=\"http");

        Path png = dir.resolve("serve.png");
        chromium("--screenshot=" + png, "--window-size=1280,900", "--hide-scrollbars", base + "/");
        BufferedImage image = ImageIO.read(png.toFile());
        int red = 0;
        int green = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                red += near(rgb, 0xb3261e) ? 1 : 0; // trend dots of runs with differences
                green += near(rgb, 0x2e7d4f) ? 1 : 0; // trend dots of consistent runs
            }
        }
        assertThat(red).as("red trend dots drawn").isGreaterThan(40);
        assertThat(green).as("green trend dots drawn").isGreaterThan(20);
    }

    /** Headless Chromium as {@link ReportHtmlIT} runs it, with its profile and log in this test's directory. */
    static String chromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("chromium-profile")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xff) - ((target >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((target >> 8) & 0xff);
        int db = (rgb & 0xff) - (target & 0xff);
        return Math.abs(dr) < 12 && Math.abs(dg) < 12 && Math.abs(db) < 12;
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    private static double value(String metrics, String series) {
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    static List<JsonNode> finished(JsonNode job) {
        List<JsonNode> runs = new ArrayList<>();
        job.get("runs").forEach(r -> {
            if (!r.get("verdict").asText().equals("running") && !r.get("report").isNull()) {
                runs.add(r);
            }
        });
        return runs;
    }

    private static String awaitBaseUrl() throws Exception {
        return ParityProcess.await(serve, dir.resolve("serve.log"),
                Pattern.compile("page at (http://127\\.0\\.0\\.1:\\d+)/"));
    }

    private static JsonNode awaitJob(Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = JSON.readTree(get("/api/jobs").body()).get("jobs").get(0);
            if (done.test(job)) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out; last API answer " + job + "\n" + ParityProcess.read(dir.resolve("serve.log")));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
