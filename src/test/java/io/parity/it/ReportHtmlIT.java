package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo run's {@code report.html} opened in headless Chromium (Debian package {@code chromium}; {@code .ci/run}
 * installs it): the rendered DOM holds the verdict, the per-table table, the bar chart with one bar segment per
 * non-zero count and one key-space strip per table; a screenshot shows the chart's colours in quantity. The page
 * loads nothing from the network. Also checks {@code junit.xml} as a CI parser would read it.
 */
class ReportHtmlIT {

    @TempDir
    static Path dir;
    static Path runDir;

    @BeforeAll
    static void runDemo() throws IOException {
        CliRun run = CliRun.run(dir, "demo", "--dir", dir.resolve("demo").toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        runDir = VerifyIT.onlyRunDir(dir.resolve("reports").resolve("demo"));
    }

    @Test
    void pageIsSelfContainedAndEscaped() throws IOException {
        String html = Files.readString(runDir.resolve("report.html"));
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("@import").contains("<svg id=\"diff-chart\"");
        assertThat(html).contains("<section id=\"spec\">").contains("name: demo")
                .containsPattern("sha256 <code id=\"spec-sha\">[0-9a-f]{64}</code>");
    }

    @Test
    void chromiumRendersVerdictTableChartAndStrips() throws Exception {
        String dom = chromium("--dump-dom", runDir.resolve("report.html").toUri().toString());
        assertThat(dom).contains("DIFFERENCES FOUND").contains("20 differing rows and 0 schema findings in 4 of 4 tables");
        assertThat(count(dom, "<tr class=\"differences\">")).isEqualTo(4);
        assertThat(count(dom, "<rect class=\"bar ")).isEqualTo(11); // payments has no extra rows
        assertThat(dom).contains("data-table=\"public.customers\" data-count=\"6\"");
        assertThat(count(dom, "<svg class=\"strip\"")).isEqualTo(4);
        assertThat(count(dom, "class=\"chunk differs\"")).isEqualTo(8); // 3 + 1 + 3 + 1 differing chunks
        assertThat(count(dom, "<div class=\"sample\">")).isEqualTo(20); // all 9 + 3 + 5 + 3: each table is under the cap
    }

    @Test
    void screenshotShowsTheChart() throws Exception {
        Path png = dir.resolve("report.png");
        chromium("--screenshot=" + png, "--window-size=1280,1400", "--hide-scrollbars",
                runDir.resolve("report.html").toUri().toString());
        assertThat(Files.size(png)).isGreaterThan(50_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        int red = 0;
        int teal = 0;
        int amber = 0;
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                red += near(rgb, 0xd1495b) ? 1 : 0;
                teal += near(rgb, 0x00798c) ? 1 : 0;
                amber += near(rgb, 0xedae49) ? 1 : 0;
                nonWhite += near(rgb, 0xffffff) ? 0 : 1;
            }
        }
        assertThat(red).as("missing bars and differing chunks").isGreaterThan(5_000);
        assertThat(teal).as("changed bars").isGreaterThan(5_000);
        assertThat(amber).as("extra bars").isGreaterThan(1_000);
        assertThat(nonWhite).as("a page, not a blank").isGreaterThan(image.getWidth() * image.getHeight() / 5);
    }

    @Test
    void junitXmlHasOneFailingTestcasePerTableWithCountsAndKeys() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(runDir.resolve("junit.xml").toFile());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("parity.demo");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("4");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element customers = (Element) cases.item(0);
        assertThat(customers.getAttribute("name")).isEqualTo("public.customers");
        Element failure = (Element) customers.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("2 missing, 1 extra, 6 changed, 0 schema findings");
        assertThat(failure.getTextContent()).contains("missing customer_id=17").contains("... 4 more in diffs.jsonl");
        Element payments = (Element) cases.item(3);
        assertThat(((Element) payments.getElementsByTagName("failure").item(0)).getTextContent())
                .contains("missing order_id=100015, attempt=2");
    }

    private static boolean near(int rgb, int color) {
        int dr = Math.abs((rgb >> 16) - (color >> 16));
        int dg = Math.abs(((rgb >> 8) & 0xff) - ((color >> 8) & 0xff));
        int db = Math.abs((rgb & 0xff) - (color & 0xff));
        return dr + dg + db < 24;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String chromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("chromium-profile")));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("headless Chromium is needed for this test: apt-get install -y chromium"
                    + " (bash .ci/run does it)", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
