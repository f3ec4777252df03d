package io.parity.it;

import io.parity.core.KeyValues;
import io.parity.engine.RepairSql;
import io.parity.engine.generic.GenericEngine;
import io.parity.schema.SideTable;
import io.parity.schema.TableRef;
import io.parity.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic dialect's repair literals on real H2: values written by SQL are read with {@code readValues}, rendered
 * as INSERT literals into a second table and read back; the copy must be identical (same literal, same canonical
 * bytes), and a guarded DELETE rendered from the row must match exactly that row and nothing once a value changed.
 */
class H2RepairSqlIT {

    static final String URL = "jdbc:h2:mem:pit_ux_h2lit;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("VARCHAR(50)", List.of("'plain'", "'it''s'", "''", "' trailing '", "U&'caf\\00e9'",
                        "U&'\\+01f600 x'", "'line' || CHAR(10) || 'break'", "'back\\slash'", "CHAR(0) || 'x'", "'A'")),
                Arguments.of("CHAR(4)", List.of("'ab'", "'abcd'")),
                Arguments.of("VARBINARY(10)", List.of("X''", "X'00'", "X'6100'", "X'ff00ff'")),
                Arguments.of("BLOB", List.of("X'000102'", "X''")),
                Arguments.of("CLOB", List.of("'long text'", "U&'\\0009tab'")),
                Arguments.of("DOUBLE PRECISION", List.of("0.1", "0.10000000000000002", "1e308", "-2.5e-300", "4.9e-324",
                        "CAST('NaN' AS DOUBLE PRECISION)", "CAST('-Infinity' AS DOUBLE PRECISION)", "123456789.125")),
                Arguments.of("REAL", List.of("0.1", "3.4028235e38", "1.4e-45", "16777216")),
                Arguments.of("NUMERIC(30,10)", List.of("1.5", "-0.0000000001", "12345678901234567890.0123456789", "0")),
                Arguments.of("BIGINT", List.of("-9223372036854775808", "9223372036854775807", "0")),
                Arguments.of("TINYINT", List.of("-128", "127")),
                Arguments.of("BOOLEAN", List.of("TRUE", "FALSE")),
                Arguments.of("DATE", List.of("DATE '0001-01-01'", "DATE '9999-12-31'")),
                Arguments.of("TIME(9)", List.of("TIME '23:59:59.999999999'", "TIME '00:00:00'")),
                Arguments.of("TIMESTAMP(9)", List.of("TIMESTAMP '2024-01-01 00:00:00.000000001'",
                        "TIMESTAMP '1970-01-01 00:00:00'")),
                Arguments.of("TIMESTAMP(6) WITH TIME ZONE", List.of("TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00.000001+05:30'",
                        "TIMESTAMP WITH TIME ZONE '2024-06-01 12:00:00-08:00'")),
                Arguments.of("JSON", List.of("'{\"a\":[1,2,{\"b\":null}]}' FORMAT JSON", "U&'\"\\00e9\"' FORMAT JSON")),
                Arguments.of("ENUM('p','q r')", List.of("'p'", "'q r'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void literalsRoundTripAndGuardsMatchExactly(String type, List<String> values) throws SQLException {
        GenericEngine dialect = new GenericEngine("H2", "test");
        RepairSql sql = dialect.repair();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement st = c.createStatement()) {
            st.execute("DROP ALL OBJECTS");
            st.execute("CREATE TABLE src (id INT PRIMARY KEY, v " + type + " NULL)");
            st.execute("CREATE TABLE dst (id INT PRIMARY KEY, v " + type + " NULL)");
            List<String> all = new ArrayList<>(values);
            all.add("NULL");
            for (int i = 0; i < all.size(); i++) {
                st.execute("INSERT INTO src VALUES (" + i + ", " + all.get(i) + ")");
            }
            SideTable src = table(dialect, c, "src");
            SideTable dst = table(dialect, c, "dst");
            for (int i = 0; i < all.size(); i++) {
                Object[] row = read(c, sql, src, i);
                String insert = sql.insert(dst, row);
                assertThat(st.executeUpdate(insert)).as(insert).isEqualTo(1);
                Object[] copy = read(c, sql, dst, i);
                assertThat(sql.literal(dst, 1, copy[1])).as(all.get(i)).isEqualTo(sql.literal(src, 1, row[1]));
                assertThat(canonical(c, dialect, dst, i)).as(all.get(i)).isEqualTo(canonical(c, dialect, src, i));

                Object[] other = row.clone();
                other[1] = row[1] == null ? copyOfAnother(c, sql, src, i, all.size()) : null;
                assertThat(st.executeUpdate(sql.delete(dst, KeyValues.of((long) i), other))).as("stale guard " + all.get(i))
                        .isZero();
                String delete = sql.delete(dst, KeyValues.of((long) i), copy);
                assertThat(st.executeUpdate(delete)).as(delete).isEqualTo(1);
            }
        }
    }

    private static Object copyOfAnother(Connection c, RepairSql sql, SideTable src, int i, int size) throws SQLException {
        return read(c, sql, src, (i + 1) % size)[1];
    }

    private static SideTable table(GenericEngine dialect, Connection c, String name) throws SQLException {
        TableSchema schema = dialect.catalog().describe(c, new TableRef("public", name)).orElseThrow();
        return new SideTable(schema.ref(), schema.columns().subList(0, 1), schema.columns(), null);
    }

    private static Object[] read(Connection c, RepairSql sql, SideTable table, int id) throws SQLException {
        var stmt = sql.selectRow(table, KeyValues.of((long) id));
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            ps.setObject(1, stmt.params().get(0));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return sql.readValues(rs, table);
            }
        }
    }

    private static List<String> canonical(Connection c, GenericEngine dialect, SideTable table, int id) throws SQLException {
        var stmt = dialect.rows().rowByKey(table, KeyValues.of((long) id));
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            ps.setObject(1, stmt.params().get(0));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return Arrays.stream(dialect.rows().readRow(rs, table).values()).map(Arrays::toString).toList();
            }
        }
    }
}
