package io.parity.gate;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Binary log positions as text, made comparable. MariaDB's {@code gtid_binlog_pos} lists the last GTID per domain
 * ({@code 1-7307-42,9-7307-8}); removing Parity's heartbeat domain leaves only the writes that matter to
 * {@code writes-stopped}. MySQL's executed set ({@code uuid:1-42}) has no domains and is only normalised.
 */
public final class GtidPosition {

    private GtidPosition() {
    }

    /** The position without {@code ignoredDomain}'s entry (MariaDB form), whitespace removed, entries sorted. */
    public static String withoutDomain(String position, Long ignoredDomain) {
        if (position == null) {
            return "";
        }
        String compact = position.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return "";
        }
        return Arrays.stream(compact.split(","))
                .filter(entry -> ignoredDomain == null || !entry.startsWith(ignoredDomain + "-"))
                .sorted()
                .collect(Collectors.joining(","));
    }
}
