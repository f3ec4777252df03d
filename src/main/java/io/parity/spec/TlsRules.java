package io.parity.spec;

import io.parity.spec.SpecDocument.TlsDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an endpoint's {@code tls:} block: a known mode, readable files (relative to the spec's directory), a client
 * certificate only with its key, no TLS on an engine without it (H2), and TLS set in one place only (not also in the
 * URL's driver parameters, where the two could disagree).
 */
final class TlsRules {

    private static final Pattern URL_TLS = Pattern.compile("(?i)[?&;](sslmode|ssl|usessl|requiressl"
            + "|verifyservercertificate|sslrootcert|sslcert|sslkey|trustcertificatekeystoreurl"
            + "|clientcertificatekeystoreurl)=");

    private final Path specDir;
    private final SpecProblems problems;

    TlsRules(Path specFile, SpecProblems problems) {
        this.specDir = specFile.toAbsolutePath().getParent();
        this.problems = problems;
    }

    Tls tls(TlsDocument doc, String label, String url) {
        if (doc == null) {
            return Tls.unset();
        }
        String field = label + ".tls";
        if (doc.mode() == null || doc.mode().isBlank()) {
            problems.add(field + ".mode", "missing; set it to disabled, required, verify-ca or verify-full");
            return Tls.unset();
        }
        TlsMode mode = TlsMode.parse(doc.mode());
        if (mode == null) {
            problems.add(field + ".mode", "'" + doc.mode() + "' is not a TLS mode; use disabled, required, verify-ca or"
                    + " verify-full");
            return Tls.unset();
        }
        if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") && mode.encrypts()) {
            problems.add(field + ".mode", "H2 has no TLS; set it to disabled or remove the tls block");
        }
        if (url != null && URL_TLS.matcher(url).find()) {
            problems.add(field, "the url sets TLS parameters too; keep TLS in the tls block only and remove them from "
                    + label + ".url");
        }
        if ((doc.certFile() == null) != (doc.keyFile() == null)) {
            problems.add(field, "cert-file and key-file go together; set both for a client certificate, or neither");
        }
        if (!mode.encrypts() && (doc.caFile() != null || doc.certFile() != null)) {
            problems.add(field + ".mode", "disabled, but files are given; set mode to verify-full or drop the files");
        }
        return new Tls(mode, file(doc.caFile(), field + ".ca-file"), file(doc.certFile(), field + ".cert-file"),
                file(doc.keyFile(), field + ".key-file"));
    }

    private Path file(String text, String field) {
        if (text == null) {
            return null;
        }
        Path path = specDir.resolve(text).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(field, "cannot read '" + text + "'; point it at a readable PEM file (relative to the spec)");
        }
        return path;
    }
}
