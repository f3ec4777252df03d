package io.parity.connect;

import io.parity.spec.Endpoint;
import io.parity.spec.Tls;
import io.parity.spec.TlsMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spec's {@code tls:} block as driver properties, so users need not know each driver's names.
 * <pre>
 * MySQL/MariaDB (Connector/J): sslMode=DISABLED|REQUIRED|VERIFY_CA|VERIFY_IDENTITY, the CA as
 *   trustCertificateKeyStoreUrl (a PKCS#12 store built from the PEM), the client pair as clientCertificateKeyStoreUrl
 * PostgreSQL (pgjdbc): sslmode=disable|require|verify-ca|verify-full, sslrootcert, sslcert, sslkey (PKCS#8 DER)
 * </pre>
 * Without a {@code tls:} block nothing is added and the driver's defaults apply, as before the block existed.
 */
public final class TlsProperties {

    /** Per driver and settings: the same block on a MySQL and a PostgreSQL side means different properties. */
    private static final Map<List<Object>, Map<String, String>> BUILT = new ConcurrentHashMap<>();

    private TlsProperties() {
    }

    /** The driver properties for the endpoint's TLS settings; stores are built once per process and settings. */
    public static Map<String, String> of(Endpoint endpoint) {
        Tls tls = endpoint.tls();
        if (tls == null || !tls.isSet()) {
            return Map.of();
        }
        String url = endpoint.url().toLowerCase(Locale.ROOT);
        String field = endpoint.label() + ".tls";
        if (url.startsWith("jdbc:postgresql:")) {
            return BUILT.computeIfAbsent(List.of("postgresql", tls), k -> postgres(tls, field));
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return BUILT.computeIfAbsent(List.of("mysql", tls), k -> mysql(tls, field));
        }
        return Map.of();
    }

    private static Map<String, String> mysql(Tls tls, String field) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sslMode", switch (tls.mode()) {
            case DISABLED -> "DISABLED";
            case REQUIRED -> "REQUIRED";
            case VERIFY_CA -> "VERIFY_CA";
            case VERIFY_FULL -> "VERIFY_IDENTITY";
        });
        if (tls.caFile() != null) {
            PemFiles.Store trust = PemFiles.trustStore(tls.caFile(), field + ".ca-file");
            props.put("trustCertificateKeyStoreUrl", trust.url());
            props.put("trustCertificateKeyStoreType", "PKCS12");
            props.put("trustCertificateKeyStorePassword", trust.password());
            props.put("fallbackToSystemTrustStore", "false"); // the CA file is the only trust, as it says
        }
        if (tls.certFile() != null) {
            PemFiles.Store keys = PemFiles.keyStore(tls.certFile(), tls.keyFile(), field + ".key-file");
            props.put("clientCertificateKeyStoreUrl", keys.url());
            props.put("clientCertificateKeyStoreType", "PKCS12");
            props.put("clientCertificateKeyStorePassword", keys.password());
        }
        return Map.copyOf(props);
    }

    private static Map<String, String> postgres(Tls tls, String field) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sslmode", tls.mode() == TlsMode.REQUIRED ? "require" : tls.mode().spelling().replace("disabled",
                "disable"));
        if (tls.caFile() != null) {
            props.put("sslrootcert", tls.caFile().toString());
        }
        if (tls.certFile() != null) {
            props.put("sslcert", tls.certFile().toString());
            props.put("sslkey", PemFiles.derKey(tls.keyFile(), field + ".key-file").toString());
        }
        return Map.copyOf(props);
    }
}
