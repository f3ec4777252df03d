package io.parity.engine.mysql;

/**
 * What a MySQL or MariaDB server has beyond MySQL 5.7's SQL, decided once from its version when the engine is
 * detected. Each part that would use a capability has its fallback, and every fallback hashes the same bytes, so a
 * server without a capability compares equal with one that has it:
 *
 * <ul>
 *   <li>{@code windowFunctions} (MySQL 8.0, MariaDB 10.2): the split keys of bucket narrowing are every n-th key by
 *       {@code ROW_NUMBER()}. Without them the engine offers no {@link io.parity.engine.BucketChecksums}: a differing
 *       range is listed, or read as rows and merged, when it is too large to list.</li>
 *   <li>{@code castAsDouble} (MySQL 8.0.17, MariaDB): FLOAT is widened by {@code CAST(f AS DOUBLE)}; without it by
 *       {@code (f * 1e0)}, the same double computed the same way, with the same text and the same binary type.
 *       Multiplying by one keeps {@code -0}, which adding zero would not.</li>
 *   <li>{@code jsonNormalize} (MariaDB 10.7): MariaDB keeps JSON as the text it was given and prints it in one
 *       normal form through {@code JSON_NORMALIZE()}. MySQL (5.7 too) stores JSON in a binary form that it prints in
 *       one normal form already, so it never needs the function; MariaDB before 10.7 compares JSON as stored.</li>
 *   <li>{@code crc32c} (MariaDB 10.8): the {@code crc64} hash on the server.</li>
 *   <li>{@code transactionReadOnly} (MySQL 5.7.20): the session's read-only variable is
 *       {@code transaction_read_only}; older MySQL and MariaDB 10.x know it as {@code tx_read_only}.</li>
 *   <li>{@code replicaStatements} (MySQL 8.0.22, MariaDB 10.5.1): {@code SHOW REPLICA STATUS}; older servers answer
 *       only {@code SHOW SLAVE STATUS}.</li>
 * </ul>
 */
record MySqlCapabilities(boolean windowFunctions, boolean castAsDouble, boolean jsonNormalize, boolean crc32c,
                         boolean transactionReadOnly, boolean replicaStatements) {

    /** MySQL 5.7.20 and later 5.7 releases: none of the functions above. */
    static final MySqlCapabilities MYSQL_57 = new MySqlCapabilities(false, false, false, false, true, false);

    /** MySQL from its version, {@code 8.0.36}. */
    static MySqlCapabilities mysql(String version) {
        int[] v = numbers(version);
        return mysql(v[0], v[1], v[2]);
    }

    /** MariaDB from its version, {@code 10.11.19}. */
    static MySqlCapabilities mariaDb(String version) {
        int[] v = numbers(version);
        return mariaDb(v[0], v[1], v[2]);
    }

    static MySqlCapabilities mysql(int major, int minor, int patch) {
        return new MySqlCapabilities(atLeast(major, minor, patch, 8, 0, 0), atLeast(major, minor, patch, 8, 0, 17),
                false, false, atLeast(major, minor, patch, 5, 7, 20), atLeast(major, minor, patch, 8, 0, 22));
    }

    static MySqlCapabilities mariaDb(int major, int minor, int patch) {
        return new MySqlCapabilities(atLeast(major, minor, patch, 10, 2, 0), true,
                atLeast(major, minor, patch, 10, 7, 0), atLeast(major, minor, patch, 10, 8, 0), false,
                atLeast(major, minor, patch, 10, 5, 1));
    }

    /**
     * These capabilities with only what MySQL 5.7 also has, keeping the names of variables and statements this
     * server knows: the 5.7 code paths, run on a newer server.
     */
    MySqlCapabilities asMySql57() {
        return new MySqlCapabilities(false, false, false, false, transactionReadOnly, replicaStatements);
    }

    /** Major, minor and patch of a version such as {@code 5.7.44-log}; missing or unreadable numbers are 0. */
    static int[] numbers(String version) {
        int[] numbers = new int[3];
        String[] parts = version.split("[^0-9]", -1);
        for (int i = 0, n = 0; i < parts.length && n < 3; i++) {
            if (parts[i].isEmpty()) {
                break; // the first character that is neither a digit nor the dot between numbers ends the version
            }
            numbers[n++] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    private static boolean atLeast(int major, int minor, int patch, int wantMajor, int wantMinor, int wantPatch) {
        if (major != wantMajor) {
            return major > wantMajor;
        }
        return minor != wantMinor ? minor > wantMinor : patch >= wantPatch;
    }
}
