package io.parity.engine.postgres;

import io.parity.engine.support.JdbcEngine;

/**
 * PostgreSQL 12 and later (see the package comment). Replication by WAL position ({@link PostgresReplication}: LSN
 * fencing, standby and subscriber status) and the cutover gates' statements ({@link PostgresCutoverSql}).
 */
public class PostgresEngine extends JdbcEngine {

    public PostgresEngine(String version) {
        this(new PostgresSql(), "PostgreSQL " + version);
    }

    private PostgresEngine(PostgresSql sql, String description) {
        super(description, sql, parts(sql));
    }

    @Override
    public String family() {
        return "postgresql";
    }

    private static Parts parts(PostgresSql sql) {
        PostgresEncoding encoding = new PostgresEncoding(sql);
        PostgresRows rows = new PostgresRows(sql, encoding);
        return new Parts(new PostgresSession(), new PostgresCatalog(sql), rows,
                new PostgresChecksums(sql, rows, encoding), rows, new PostgresRepairSql(sql, encoding), new PostgresReplication(),
                new PostgresCutoverSql(sql));
    }
}
