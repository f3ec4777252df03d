package io.parity.serve;

import io.parity.core.ParityException;
import io.parity.spec.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Who may read {@code parity serve}: a bearer token, a basic-auth user and password, or both, plus optionally a token
 * that opens {@code /metrics} only (for a Prometheus scrape). Secrets come from the environment or from files, never
 * from the command line, where any local user could read them in the process list.
 *
 * @param user empty when no basic-auth account is configured
 */
public record ServeCredentials(Secret token, String user, Secret password, Secret metricsToken) {

    public static final String TOKEN = "PARITY_SERVE_TOKEN";
    public static final String USER = "PARITY_SERVE_USER";
    public static final String PASSWORD = "PARITY_SERVE_PASSWORD";
    public static final String METRICS_TOKEN = "PARITY_SERVE_METRICS_TOKEN";

    /** The options of {@code parity serve} that name credential files; each may be null. */
    public record Sources(String user, Path tokenFile, Path passwordFile, Path metricsTokenFile) {
    }

    /** @param env the environment ({@code System::getenv}) */
    public static ServeCredentials resolve(UnaryOperator<String> env, Sources files) {
        Secret token = secret(env, TOKEN, files.tokenFile(), "--token-file");
        Secret password = secret(env, PASSWORD, files.passwordFile(), "--password-file");
        Secret metrics = secret(env, METRICS_TOKEN, files.metricsTokenFile(), "--metrics-token-file");
        String user = files.user() != null ? files.user() : env.apply(USER);
        user = user == null ? "" : user;
        if (user.isEmpty() != password.isEmpty()) {
            throw ParityException.badInput(user.isEmpty() ? "a serve password is set without a user; set " + USER
                    + " (or --user NAME) as well" : "serve user '" + user + "' has no password; set " + PASSWORD
                    + " or --password-file FILE");
        }
        if (user.contains(":")) {
            throw ParityException.badInput("serve user '" + user + "' contains ':', which basic authentication cannot"
                    + " carry; choose a user name without it");
        }
        ServeCredentials credentials = new ServeCredentials(token, user, password, metrics);
        if (!metrics.isEmpty() && !credentials.any()) {
            throw ParityException.badInput(METRICS_TOKEN + " only adds a scrape token for /metrics; set " + TOKEN
                    + " or " + USER + " and " + PASSWORD + " for the other paths as well");
        }
        return credentials;
    }

    /** True when every request must authenticate. */
    public boolean any() {
        return !token.isEmpty() || !password.isEmpty();
    }

    private static Secret secret(UnaryOperator<String> env, String variable, Path file, String option) {
        String value = env.apply(variable);
        if (value != null && file != null) {
            throw ParityException.badInput(variable + " and " + option + " are both set; keep one");
        }
        if (file != null) {
            value = read(file, option);
        }
        if (value != null && value.isBlank()) {
            throw ParityException.badInput((file != null ? option + " " + file + " is empty" : variable
                    + " is set but empty") + "; give the secret, or unset it");
        }
        return Secret.of(value == null ? null : value.strip());
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ParityException.badInput("cannot read " + option + " " + file + "; point it at a readable file that"
                    + " holds only the secret");
        }
    }
}
