package io.parity.audit;

import io.parity.core.ParityException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-checks a run's audit bundle: every file it lists must still have its sha256. Files written after the bundle
 * (a later {@code repair} adds its SQL to the run's directory) are listed as not covered, which is not a change.
 * The bundle proves that the files match it; to prove the bundle itself unchanged, keep a copy of it (or its sha256)
 * where the run's readers cannot write.
 */
public final class AuditCheck {

    /** Each listed file's state, and the files below the directory the bundle does not cover. */
    public record Result(List<String> unchanged, List<String> changed, List<String> missing, List<String> notCovered) {

        public boolean intact() {
            return changed.isEmpty() && missing.isEmpty();
        }
    }

    private AuditCheck() {
    }

    public static Result check(Path dir) {
        Path file = dir.resolve(AuditBundle.FILE);
        if (!Files.isRegularFile(file)) {
            throw ParityException.badInput(dir + " holds no " + AuditBundle.FILE + "; point it at a run's report"
                    + " directory, such as reports/<job>/<run>");
        }
        JsonNode files;
        try {
            files = AuditWriter.JSON.readTree(file.toFile()).get("files");
        } catch (RuntimeException e) {
            throw ParityException.badInput(file + " is not an audit bundle (" + e.getMessage() + ")");
        }
        if (files == null || !files.isObject()) {
            throw ParityException.badInput(file + " is not an audit bundle: it lists no files");
        }
        List<String> intact = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try {
            for (Map.Entry<String, JsonNode> e : files.properties()) {
                Path f = dir.resolve(e.getKey()).normalize();
                if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
                    missing.add(e.getKey());
                } else if (AuditWriter.sha256(f).equals(e.getValue().asString())) {
                    intact.add(e.getKey());
                } else {
                    changed.add(e.getKey());
                }
            }
            List<String> notCovered = new ArrayList<>(AuditWriter.hashes(dir).keySet());
            notCovered.removeIf(n -> files.has(n));
            return new Result(intact, changed, missing, notCovered);
        } catch (IOException e) {
            throw ParityException.badInput("cannot read " + dir + " (" + e.getMessage() + ")");
        }
    }
}
