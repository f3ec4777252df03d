package io.parity.cli;

import java.nio.file.Path;

/** Which file of a run directory a person should open: the self-contained HTML page. */
final class ReportFiles {

    private ReportFiles() {
    }

    static Path report(Path runDir) {
        return runDir.resolve("report.html");
    }
}
