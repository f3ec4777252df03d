package io.parity.serve;

import io.parity.core.ParityException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;

/**
 * How {@code parity serve} guards what it serves: the credentials every request needs (none configured: an open
 * server, allowed on a loopback address only) and the TLS context ({@code null}: plain HTTP).
 */
public record ServeProtection(ServeCredentials credentials, SSLContext tls) {

    /**
     * Refuses to serve reports, which hold sample rows, to the network without credentials. Checked before anything
     * starts, so a refused start writes nothing.
     */
    public ServeProtection requireCredentialsBeyondLoopback(String bind) {
        if (!credentials.any() && !loopback(bind)) {
            throw ParityException.badInput("--bind " + bind + " would serve reports to the network without"
                    + " credentials; set " + ServeCredentials.TOKEN + " (or --token-file FILE) or "
                    + ServeCredentials.USER + " and " + ServeCredentials.PASSWORD + " (or --password-file FILE),"
                    + " or bind to 127.0.0.1");
        }
        return this;
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** True for 127.0.0.1, ::1, localhost and the rest of the loopback range. */
    public static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
