package io.parity.privilege;

import io.parity.engine.AccountSql;
import io.parity.engine.mysql.MySqlAccountSql;
import io.parity.engine.postgres.PostgresAccountSql;

import java.util.Locale;
import java.util.Optional;

/** Picks an engine's {@link AccountSql} from a JDBC URL: grants are printed before any account can connect. */
public final class AccountSqls {

    private AccountSqls() {
    }

    /** The grants' dialect for a JDBC URL; empty for engines without accounts worth granting (H2). */
    public static Optional<AccountSql> forUrl(String url) {
        return forUrl(url, null);
    }

    /**
     * The same, for a named server where the URL cannot tell: {@code mysql} or {@code mariadb} (both speak
     * {@code jdbc:mysql:}); null when unknown.
     */
    public static Optional<AccountSql> forUrl(String url, String server) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return Optional.of(new MySqlAccountSql(server == null ? null : server.equals("mariadb")));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Optional.of(new PostgresAccountSql());
        }
        return Optional.empty();
    }
}
