package io.parity.audit;

import io.parity.connect.ServerSnapshot;
import io.parity.core.ParityVersion;
import io.parity.core.PrivateFiles;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code audit.json} into a run's report directory, last, so that it holds the sha256 of every file written
 * before it (owner-only, like the reports).
 */
public final class AuditWriter {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private AuditWriter() {
    }

    /** The facts of one run, as the caller knows them. */
    public record Run(String kind, String job, long runId, String specFile, String specSha256, String specText,
                      Instant started, Instant ended, List<AuditBundle.Side> sides) {
    }

    public static Path write(Path dir, Run run) throws IOException {
        AuditBundle bundle = new AuditBundle(AuditBundle.VERSION, ParityVersion.get(), run.kind(), run.job(),
                run.runId(), run.specFile(), run.specSha256(), run.specText(), ranBy(), run.started(), run.ended(),
                run.sides(), hashes(dir));
        Path file = dir.resolve(AuditBundle.FILE);
        PrivateFiles.write(file, JSON.writeValueAsString(bundle) + "\n");
        return file;
    }

    /** One side's bundle entry from its two snapshots. */
    public static AuditBundle.Side side(ServerSnapshot start, ServerSnapshot end) {
        return new AuditBundle.Side(end.side(), start, end);
    }

    /** sha256 of every regular file below {@code dir} but {@code audit.json}, by path relative to {@code dir}. */
    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (!name.equals(AuditBundle.FILE)) {
                    hashes.put(name, sha256(f));
                }
            }
        }
        return hashes;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static AuditBundle.RanBy ranBy() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | UncheckedIOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        return new AuditBundle.RanBy(System.getProperty("user.name"), host);
    }
}
