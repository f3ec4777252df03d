package io.parity.engine.generic;

import io.parity.engine.SessionSetup;
import io.parity.engine.support.JdbcEngine;
import io.parity.engine.support.StandardSql;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Any JDBC database with standard SQL (used for H2): catalog through {@link java.sql.DatabaseMetaData}, rows streamed
 * in key order and hashed in Java, repair SQL in standard syntax. Nothing to pin per session: the canonical values are
 * built in Java and do not depend on session settings. No replication and no cutover gates.
 */
public class GenericEngine extends JdbcEngine {

    private static final SessionSetup NOTHING_TO_PIN = new SessionSetup() {
        @Override
        public Optional<String> readSession(Duration lockWait) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> readPoolProperties() {
            return Map.of();
        }
    };

    private final String family;

    public GenericEngine(String product, String version) {
        this(new StandardSql(), product + " " + version, product.toLowerCase(java.util.Locale.ROOT));
    }

    private GenericEngine(StandardSql sql, String description, String family) {
        super(description, sql, parts(sql));
        this.family = family;
    }

    @Override
    public String family() {
        return family;
    }

    private static Parts parts(StandardSql sql) {
        GenericRows rows = new GenericRows(sql);
        return new Parts(NOTHING_TO_PIN, new GenericCatalog(sql), rows, new GenericChecksums(rows), rows,
                new GenericRepairSql(sql), null, null);
    }
}
