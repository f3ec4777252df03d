package io.parity.connect;

import io.parity.core.ParityException;
import io.parity.spec.Endpoint;
import io.parity.spec.Tls;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Connection failures caused by TLS, each as one line naming the endpoint and the fix: a server that does not offer
 * TLS while the spec requires it, a certificate the CA file does not vouch for, a certificate for another host name.
 */
final class TlsErrors {

    private TlsErrors() {
    }

    /** The TLS reason for a failed connection, or null when the failure is not about TLS. */
    static ParityException onConnect(String label, Endpoint endpoint, Throwable e) {
        Tls tls = endpoint.tls();
        if (tls == null || !tls.encrypts()) {
            return null;
        }
        String text = chainText(e);
        String mode = label + ".tls.mode is " + tls.mode().spelling();
        if (text.contains("does not support ssl") || text.contains("not support ssl")
                || text.contains("ssl is required") || text.contains("ssl connection required")
                || text.contains("server does not support")) {
            return ParityException.badInput(label + ": the server at " + endpoint.safeUrl() + " does not offer TLS but "
                    + mode + "; enable TLS on the server (ssl-cert/ssl-key, or ssl=on) or set " + label
                    + ".tls.mode: disabled");
        }
        if (text.contains("hostname") || text.contains("host name") || text.contains("subject alternative")
                || text.contains("does not match")) {
            return ParityException.badInput(label + ": the server's certificate does not name the host in "
                    + endpoint.safeUrl() + " and " + mode + "; connect by a name the certificate lists, or set "
                    + label + ".tls.mode: verify-ca");
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)
                || has(e, CertificateException.class) || text.contains("pkix") || text.contains("certification path")) {
            return ParityException.badInput(label + ": the server's certificate is not signed by a trusted CA ("
                    + (tls.caFile() == null ? "the JVM's CAs" : label + ".tls.ca-file " + tls.caFile().getFileName())
                    + ") and " + mode + "; point " + label + ".tls.ca-file at the CA that signed the server's"
                    + " certificate");
        }
        if (has(e, SSLException.class) || text.contains("ssl") || text.contains("tls")) {
            return ParityException.badInput(label + ": TLS to " + endpoint.safeUrl() + " failed ("
                    + ConnectionErrors.firstLine(rootMessage(e)) + ") and " + mode + "; check " + label
                    + ".tls and the server's TLS settings");
        }
        return null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String chainText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
