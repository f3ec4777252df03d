package io.parity.engine.mysql;

/**
 * MariaDB 10.x/11.x: MySQL's engine with {@code CRC32C()} (10.8+) for the two-CRC hash, {@code JSON_NORMALIZE()}
 * (10.7+) because MariaDB keeps JSON as the text it was given, JSON columns found by their {@code json_valid} check,
 * per-domain GTIDs and {@code MASTER_GTID_WAIT}.
 */
public class MariaDbEngine extends MySqlEngine {

    public MariaDbEngine(String version, int major, int minor) {
        super("MariaDB " + version, new MySqlSql(), true, major > 10 || (major == 10 && minor >= 8));
    }
}
