package io.parity.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scripts and people see in the terminal, through the real CLI on the demo's H2 databases: {@code --output json}
 * puts exactly the summary on stdout, {@code runs} and {@code runs show} read the job repository, the completion
 * script covers the commands, every command's help has examples, and output that is not a terminal carries no
 * progress bar and no colour codes.
 */
class TerminalIT {

    @TempDir
    static Path dir;
    static Path spec;

    @BeforeAll
    static void demo() {
        CliRun run = CliRun.run(dir, "demo", "--dir", dir.resolve("demo").toString(), "--report-dir",
                dir.resolve("reports").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        spec = dir.resolve("demo").resolve("demo.yml");
    }

    @Test
    void outputJsonPrintsOnlyTheSummaryOnStdout() {
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString(),
                "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode summary = JsonMapper.builder().build().readTree(run.out()); // fails on anything but one JSON document
        assertThat(summary.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(summary.get("verdict").asString()).isEqualTo("differences");
        assertThat(summary.get("tables").size()).isEqualTo(4);
        assertThat(summary.get("tables").get(0).get("missing").asLong()).isEqualTo(2);
        assertThat(run.out().trim()).startsWith("{").endsWith("}");
        assertThat(run.err()).doesNotContain("verifying [");
    }

    @Test
    void plainOutputHasNoColourCodesOrProgressWhenNotATerminal() {
        CliRun run = CliRun.run(dir, "verify", "--job", spec.toString(), "--report-dir", dir.resolve("reports").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain("\u001b").doesNotContain("verifying [");
        assertThat(run.out()).contains("DIFFERENCES FOUND: 20 rows differ").contains("report.html");
    }

    @Test
    void runsListsAndShowsRunsFromTheJobRepository() {
        CliRun list = CliRun.run(dir, "runs");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("RUN").contains("VERDICT").containsPattern("(?m)^\\s+1\\s+demo\\s+COMPLETED\\s+differences\\s");
        CliRun show = CliRun.run(dir, "runs", "show", "1", "--report-dir", dir.resolve("reports").toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Run 1 of job demo").contains("verdict    differences")
                .containsPattern("public\\.customers\\s+1200\\s+1199\\s+3\\s+2\\s+1\\s+6\\s+differences")
                .contains("Report: " + dir.resolve("reports").resolve("demo").resolve("1").resolve("report.html"));
        CliRun unknown = CliRun.run(dir, "runs", "show", "424242");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("run 424242 is not in the job repository");
    }

    @Test
    void bashCompletionCoversTheCommands() {
        CliRun run = CliRun.run(null, "completion", "bash");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F").contains("demo").contains("verify").contains("repair")
                .contains("runs").contains("--output");
        assertThat(CliRun.run(null, "completion", "fish").exitCode()).isEqualTo(2);
    }

    @ParameterizedTest(name = "parity {0} --help")
    @ValueSource(strings = {"", "demo", "verify", "repair", "runs", "runs show", "completion", "privileges"})
    void everyCommandsHelpHasExamples(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
        CliRun run = CliRun.run(null, args);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Examples:").contains("Usage: parity");
    }
}
