package io.parity.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * Response headers for every answer of {@code parity serve}, a 401 included. The policy allows what the page and
 * {@code report.html} use, inline styles (a {@code <style>} block and {@code style=} attributes) and inline SVG, and
 * nothing else: no script, no frame, no form, nothing from another origin. Nothing is cached, since reports hold
 * sample rows. Strict-Transport-Security is sent only over TLS, where it means something.
 */
final class SecurityHeaders extends Filter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        if (tls) {
            h.set("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "security headers";
    }
}
