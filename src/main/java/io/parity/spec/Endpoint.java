package io.parity.spec;

/**
 * One side of a comparison as the spec describes it: where to connect and as whom.
 *
 * @param label    "source" or "destination", used in messages
 * @param url      JDBC URL
 * @param user     account name
 * @param password never printed; see {@link Secret}
 * @param tls      TLS to the server, {@link Tls#unset()} when the spec has no {@code tls:} block
 */
public record Endpoint(String label, String url, String user, Secret password, Tls tls) {

    /** An endpoint without a {@code tls:} block. */
    public Endpoint(String label, String url, String user, Secret password) {
        this(label, url, user, password, Tls.unset());
    }

    /** The URL without credentials that some users put in the query string, safe for logs and reports. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=******");
    }

    @Override
    public String toString() {
        return label + " " + safeUrl() + " as " + user;
    }
}
