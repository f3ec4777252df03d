package io.parity.engine.mysql;

/**
 * MariaDB 10.x/11.x: MySQL's engine with {@code CRC32C()} (10.8+) for the two-CRC hash, {@code JSON_NORMALIZE()}
 * (10.7+) because MariaDB keeps JSON as the text it was given, JSON columns found by their {@code json_valid} check,
 * per-domain GTIDs and {@code MASTER_GTID_WAIT}.
 */
public class MariaDbEngine extends MySqlEngine {

    /** MariaDB of this version ({@code 10.11.19}), with that version's capabilities. */
    public MariaDbEngine(String version) {
        this(version, MySqlCapabilities.mariaDb(version));
    }

    /**
     * MariaDB with the given capabilities: {@link MySqlProvider} passes the version's, and tests pass fewer, to run
     * the code paths of older servers (MySQL 5.7's among them) on this one.
     */
    MariaDbEngine(String version, MySqlCapabilities capabilities) {
        super("MariaDB " + version, new MySqlSql(capabilities), true);
    }
}
