package io.parity.serve;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.parity.spec.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Lets a request through only with {@link ServeCredentials}: {@code Authorization: Bearer <token>} or
 * {@code Authorization: Basic <user:password>}, and on {@code /metrics} also the scrape token. Anything else gets 401
 * with a {@code WWW-Authenticate} challenge per accepted scheme. Secrets are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, whose time depends neither on where the first differing byte is nor, since the
 * digests have one length, on the secret's length.
 */
public final class ServeAuthenticator extends Authenticator {

    static final String REALM = "parity";
    static final String METRICS = "/metrics";

    private final byte[] token;
    private final String user;
    private final byte[] userDigest;
    private final byte[] password;
    private final byte[] metricsToken;

    public ServeAuthenticator(ServeCredentials credentials) {
        this.token = digest(credentials.token());
        this.user = credentials.user();
        this.userDigest = credentials.user().isEmpty() ? null : sha256(credentials.user());
        this.password = digest(credentials.password());
        this.metricsToken = digest(credentials.metricsToken());
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        String who = principal(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestURI().getPath());
        if (who != null) {
            return new Success(new HttpPrincipal(who, REALM));
        }
        Headers headers = exchange.getResponseHeaders();
        if (token != null || metricsToken != null) {
            headers.add("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        }
        if (password != null) {
            headers.add("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        return new Failure(401);
    }

    /** Who the header proves the caller to be on this path, or null when it proves nothing. */
    String principal(String authorization, String path) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            if (matches(value, token)) {
                return "token";
            }
            return METRICS.equals(path) && matches(value, metricsToken) ? "metrics" : null;
        }
        if (scheme.equalsIgnoreCase("Basic") && password != null) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return null;
            }
            // both compared, so the time does not tell whether the user name was right
            boolean userMatches = matches(pair.substring(0, colon), userDigest);
            boolean passwordMatches = matches(pair.substring(colon + 1), password);
            return userMatches & passwordMatches ? user : null;
        }
        return null;
    }

    private static boolean matches(String given, byte[] expected) {
        return expected != null && MessageDigest.isEqual(sha256(given), expected);
    }

    private static byte[] digest(Secret secret) {
        return secret.isEmpty() ? null : sha256(secret.reveal());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
