package io.parity.cli;

import io.parity.connect.TlsProperties;
import io.parity.spec.Endpoint;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where Spring Batch keeps runs: an embedded H2 file under {@code .parity/} in the working directory by default (zero
 * setup, survives restarts), or a shared MySQL/MariaDB/PostgreSQL database given by {@code --repository-url} or
 * {@code PARITY_REPOSITORY_URL} (account from {@code PARITY_REPOSITORY_USER} / {@code PARITY_REPOSITORY_PASSWORD}),
 * or the spec's {@code repository:} block, in that order of precedence. Only the spec's block can set TLS
 * ({@code repository.tls}), passed to the driver as {@code driverProperties}.
 */
public record RepositorySettings(String url, String user, String password, Map<String, String> driverProperties) {

    public RepositorySettings(String url, String user, String password) {
        this(url, user, password, Map.of());
    }

    public static RepositorySettings resolve(String optionUrl, Endpoint fromSpec) {
        String url = optionUrl != null ? optionUrl : System.getenv("PARITY_REPOSITORY_URL");
        if ((url == null || url.isBlank()) && fromSpec != null) {
            return new RepositorySettings(fromSpec.url(), fromSpec.user(), fromSpec.password().reveal(),
                    TlsProperties.of(fromSpec));
        }
        if (url == null || url.isBlank()) {
            // H2 would otherwise keep a trace file beside the repository that grows with every failed statement;
            // Parity reports its errors itself.
            Path file = Path.of(".parity", "repository").toAbsolutePath();
            return new RepositorySettings("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0", "sa", "");
        }
        return new RepositorySettings(url, env("PARITY_REPOSITORY_USER", "root"), env("PARITY_REPOSITORY_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /**
     * Spring properties; MySQL-family repositories create job instances under REPEATABLE_READ to avoid deadlocks, and
     * an H2 repository is opened with {@link #h2ClosesQuickly}.
     */
    Map<String, Object> springProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", h2ClosesQuickly(url));
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        driverProperties.forEach((k, v) -> props.put("spring.datasource.hikari.data-source-properties[" + k + "]", v));
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            props.put("spring.batch.jdbc.isolation-level-for-create", "REPEATABLE_READ");
            props.put("spring.batch.jdbc.platform", "mysql");
        }
        return props;
    }

    /**
     * Insists on a database other processes can reach: manager and workers share the repository, and the embedded
     * H2 file of the default is private to one machine.
     */
    RepositorySettings requireShared(String mode) {
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            throw io.parity.core.ParityException.badInput(mode + " needs a job repository shared by manager and workers"
                    + " (MariaDB, MySQL or PostgreSQL), not the embedded H2 file; pass --repository-url"
                    + " jdbc:mysql://host:3306/parity or set PARITY_REPOSITORY_URL");
        }
        return this;
    }

    /**
     * An H2 URL with {@code MAX_COMPACT_TIME=0} unless it sets that itself. H2 otherwise compacts its file every time
     * the last connection closes, at the end of every command: measured 0.7 to 0.9 s of CPU and wall time per run once
     * the repository held a few dozen runs (40 MB). The store still reuses the space of old chunks while it runs.
     */
    static String h2ClosesQuickly(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.contains("max_compact_time")) {
            return url;
        }
        return url + ";MAX_COMPACT_TIME=0";
    }

    /**
     * Whether the repository is an H2 file that exists already. Only then may a command start it while it still checks
     * its input: starting creates the file and its tables, and bad input must leave nothing written. A server
     * repository is left to be started after the checks (its schema may not exist yet either).
     */
    boolean existingFile() {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:file:")) {
            return false;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        if (options >= 0) {
            path = path.substring(0, options);
        }
        return java.nio.file.Files.isRegularFile(Path.of(path + ".mv.db"));
    }

    /** Never the password nor the driver properties (TLS store passwords). */
    @Override
    public String toString() {
        return "repository " + safeUrl() + " as " + user;
    }

    /** The URL without credentials, for messages. */
    String safeUrl() {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=******");
    }
}
