package io.parity.engine.postgres;

import io.parity.engine.CutoverSql;
import io.parity.engine.ReplicationSql;
import io.parity.engine.TableGrantSql;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statements the PostgreSQL engine gives the gates and the fence: quoting, parameters, and what they read. */
class PostgresCutoverSqlTest {

    private final PostgresEngine engine = new PostgresEngine("15.20");
    private final CutoverSql cutover = engine.cutover().orElseThrow();
    private final ReplicationSql replication = engine.replication().orElseThrow();

    @Test
    void markerTablesAreWrittenWithAnUpsertAndAnInstantWithItsOffset() {
        assertEquals("CREATE TABLE IF NOT EXISTS \"par\"\"ity\".\"parity_heartbeat\" (id varchar(128) NOT NULL PRIMARY KEY,"
                + " seq bigint NOT NULL, written_at timestamptz(6) NOT NULL)",
                cutover.createMarkerTable("par\"ity", "parity_heartbeat"));
        assertEquals("INSERT INTO \"parity\".\"parity_canary\" (id, seq, written_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, written_at = EXCLUDED.written_at",
                cutover.writeMarker("parity", "parity_canary"));
        assertEquals("CREATE SCHEMA IF NOT EXISTS \"parity\"", cutover.createSchema("parity"));
        Instant at = Instant.parse("2026-12-06T08:00:00.123456Z");
        assertEquals(OffsetDateTime.parse("2026-12-06T08:00:00.123456Z"), cutover.markerTime(at));
        assertTrue(cutover.markerMissing(new SQLException("no table", "42P01")));
        assertTrue(cutover.markerMissing(new SQLException("no schema", "3F000")));
        assertFalse(cutover.markerMissing(new SQLException("read-only", "25006")));
        assertEquals("SET SESSION default_transaction_read_only = off", cutover.ownWrites().orElseThrow().on());
        assertTrue(cutover.gtidDomains().isEmpty());
    }

    @Test
    void revokesQuoteEveryIdentifier() {
        TableGrantSql grants = cutover.tableGrants().orElseThrow();
        assertEquals("REVOKE INSERT, DELETE ON TABLE \"Odd schema\".\"a\"\"b\" FROM \"mig\"\"rator\";",
                grants.revoke(List.of("INSERT", "DELETE"), "Odd schema", "a\"b", "mig\"rator"));
        assertEquals("\"app\"", cutover.accountLiteral("app", "%"));
        assertTrue(grants.writePrivileges().contains("WHERE r.rolname = ?"), grants.writePrivileges());
    }

    @Test
    void theFenceAsksOnceWithThePositionAsAParameter() {
        var ask = replication.waitForGtid("0/3000060", Duration.ofSeconds(30));
        assertEquals(List.of("0/3000060"), ask.params());
        assertTrue(ask.sql().contains(">= CAST(? AS pg_lsn)"), ask.sql());
        assertFalse(ask.sql().contains("0/3000060"));
        assertEquals("default_transaction_read_only", replication.readOnlyName());
        assertTrue(replication.gtidPosition().contains("pg_current_wal_lsn()"));
    }
}
