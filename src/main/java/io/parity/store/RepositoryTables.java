package io.parity.store;

import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which tables and columns the job repository's database already has, read from the JDBC metadata of the connection's
 * own catalog and schema. A look-up rather than a probing statement: a statement that fails is logged by H2 with its
 * stack trace in the repository's trace file, once per start. A name is looked up as written and in lower case, since
 * PostgreSQL folds unquoted names to lower case while H2 folds them to upper case.
 */
public final class RepositoryTables {

    private final DataSource dataSource;

    public RepositoryTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean hasTable(String table) {
        return lookUp("table " + table, (meta, c, t) -> {
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), escape(meta, t), null)) {
                return rs.next();
            }
        }, table);
    }

    public boolean hasColumn(String table, String column) {
        return lookUp("column " + table + "." + column, (meta, c, t) -> {
            String col = t.equals(table) ? column : column.toLowerCase(Locale.ROOT);
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), escape(meta, t), escape(meta, col))) {
                return rs.next();
            }
        }, table);
    }

    private interface MetaQuery {
        boolean found(DatabaseMetaData meta, Connection c, String table) throws SQLException;
    }

    private boolean lookUp(String what, MetaQuery query, String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return query.found(meta, c, table) || query.found(meta, c, table.toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Unable to check whether the job repository has " + what, e);
        }
    }

    /** {@code _} is a wildcard in metadata name patterns: {@code BATCH_JOB} would also match {@code BATCHXJOB}. */
    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String esc = meta.getSearchStringEscape();
        return esc == null || esc.isEmpty() ? name : name.replace("_", esc + "_").replace("%", esc + "%");
    }
}
