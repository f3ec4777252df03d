package io.parity.it;

import java.util.StringJoiner;

/**
 * A table expression of consecutive integers in a column {@code seq}, for fixtures that fill tables with
 * {@code INSERT ... SELECT}. It runs on MariaDB and on MySQL 5.7, 8.0 and 8.4 alike: a cross join of inline digit
 * tables, one per decimal place, where MariaDB's {@code seq_1_to_N} tables exist only on MariaDB and a recursive CTE
 * only from MySQL 8.0. It creates no table, so a fixture's databases hold exactly the tables the test made.
 *
 * <pre>
 * INSERT INTO t SELECT seq, seq FROM (SELECT 1 + d0.d + 10 * d1.d AS seq FROM (SELECT 0 AS d UNION ALL ... SELECT 9) d0
 *   CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1) d1 WHERE d0.d + 10 * d1.d &lt;= 19) seq_1_to_20
 * </pre>
 */
public final class Numbers {

    private Numbers() {
    }

    /** The integers 1 to {@code last}. */
    public static String upTo(long last) {
        return range(1, last);
    }

    /** The integers {@code first} to {@code last}, both included, aliased {@code seq_<first>_to_<last>}. */
    public static String range(long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range of non-negative integers: " + first + " to " + last);
        }
        long span = last - first;
        StringJoiner offset = new StringJoiner(" + ");
        StringJoiner joins = new StringJoiner(" CROSS JOIN ");
        long place = 1;
        int i = 0;
        do {
            // the highest place needs only the digits the span reaches: 0..1 for a span of 199,999, not 0..9
            long top = span / place >= 10 ? 9 : span / place;
            offset.add(place == 1 ? "d0.d" : place + " * d" + i + ".d");
            joins.add(digits(top) + " d" + i);
            place *= 10;
            i++;
        } while (span / place > 0);
        return "(SELECT " + first + " + " + offset + " AS seq FROM " + joins + " WHERE " + offset + " <= " + span
                + ") seq_" + first + "_to_" + last;
    }

    private static String digits(long top) {
        StringJoiner union = new StringJoiner(" UNION ALL ", "(", ")");
        for (long d = 0; d <= top; d++) {
            union.add(d == 0 ? "SELECT 0 AS d" : "SELECT " + d);
        }
        return union.toString();
    }
}
