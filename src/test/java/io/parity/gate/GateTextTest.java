package io.parity.gate;

import io.parity.spec.Durations;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and normalising what gates read: durations, digests, accounts, GTID positions, grant lines. */
class GateTextTest {

    private static final io.parity.engine.CutoverSql MYSQL_CUTOVER =
            new io.parity.engine.mysql.MySqlEngine("8.0.36").cutover().orElseThrow();

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
        assertEquals(Duration.ofSeconds(7), Durations.parse(7));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofHours(24), Durations.parse("24h"));
        assertNull(Durations.parse("soon"));
        assertNull(Durations.parse("-5s"));
        assertEquals("1.5 s", Durations.format(Duration.ofMillis(1500)));
        assertEquals("3 m 20 s", Durations.format(Duration.ofSeconds(200)));
    }

    @Test
    void statementDigestHidesValuesAndKeepsShape() {
        String a = "UPDATE orders SET note = 'secret', total = 12.50 WHERE id IN (1, 2, 3)";
        String b = "update   orders set note = 'other', total = 7 where id in (9,8)";
        assertEquals("update orders set note = ?, total = ? where id in (...)", StatementDigest.text(a));
        assertEquals(StatementDigest.digest(a), StatementDigest.digest(b));
        assertFalse(StatementDigest.text("INSERT INTO t VALUES ('it''s', x'ff')").contains("ff"));
        assertEquals("select * from t2 where c = ?", StatementDigest.text("SELECT * FROM t2 WHERE c = \"x\""));
        assertEquals("", StatementDigest.digest(null));
    }

    @Test
    void accountPatternsMatchLikeTheServer() {
        assertTrue(AccountPattern.parse("repl").matches("repl", "10.0.0.7:5512"));
        assertTrue(AccountPattern.parse("'app'@'10.0.%'").matches("app", "10.0.3.1:4000"));
        assertFalse(AccountPattern.parse("app@10.0.%").matches("app", "10.1.3.1:4000"));
        assertFalse(AccountPattern.parse("app@%").matches("apps", "h"));
        assertTrue(AccountPattern.parse("app@localhost").matches("app", "localhost"));
        assertEquals("migrator@%", AccountPattern.parse("migrator@%").toString());
    }

    @Test
    void aSessionWritesWhenItsTransactionChangedRowsOrItRunsDml() {
        assertTrue(new SessionRow(1, "app", "h:1", "Sleep", 40, null, 40L, 2L).writing(), "idle in a write transaction");
        assertFalse(new SessionRow(1, "app", "h:1", "Sleep", 40, null, 40L, 0L).writing(), "read-only transaction");
        assertTrue(new SessionRow(1, "app", "h:1", "Query", 1, "/* checkout */ UPDATE t SET a = 1", null, null).writing());
        assertTrue(new SessionRow(1, "app", "h:1", "Query", 1, "-- batch\n  delete from t", null, null).writing());
        assertFalse(new SessionRow(1, "app", "h:1", "Query", 1, "SELECT * FROM t", null, null).writing());
        assertTrue(new SessionRow(1, "repl", "h:1", "Binlog Dump GTID", 900, null, null, null).internal());
        assertTrue(new SessionRow(1, "system user", "", "Query", 0, "INSERT INTO t VALUES (1)", null, null).internal());
        assertEquals(40, new SessionRow(1, "app", "h:1", "Sleep", 3, null, 40L, 2L).age(), "the transaction's age");
        assertTrue(new SessionRow(1, "app", "h:1", "Sleep", 40, "SELECT 1", 40L, null).writing(),
                "a transaction reported without a row count (PostgreSQL idle in transaction) counts");
        assertTrue(new SessionRow(1, "app", "h:1", "Sleep", 40, "SELECT 1", 40L, null).describe()
                .contains("open transaction that may have written"));
    }

    @Test
    void gtidPositionWithoutTheHeartbeatDomain() {
        assertEquals("1-7307-42,2-7308-3", GtidPosition.withoutDomain("2-7308-3, 99-7307-8,1-7307-42", 99L));
        assertEquals("1-7307-42,99-7307-8", GtidPosition.withoutDomain("99-7307-8,1-7307-42", null));
        assertEquals("", GtidPosition.withoutDomain(null, 1L));
        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5",
                GtidPosition.withoutDomain("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5\n", 99L));
    }

    @Test
    void grantLinesAndTheirRevokes() {
        GrantLine dbLevel = GrantLine.parse("GRANT SELECT, INSERT, UPDATE (`note`, `total`) ON `shop`.* TO `migrator`@`%`").orElseThrow();
        assertEquals(List.of("SELECT", "INSERT", "UPDATE (`note`, `total`)"), dbLevel.privileges());
        assertEquals("shop", dbLevel.database());
        assertEquals(List.of("INSERT", "UPDATE (`note`, `total`)"), dbLevel.writePrivileges());

        GrantLine global = GrantLine.parse("GRANT USAGE ON *.* TO `migrator`@`%` IDENTIFIED BY PASSWORD '*AB'").orElseThrow();
        assertNull(global.database());
        assertTrue(global.writePrivileges().isEmpty());
        GrantLine wild = GrantLine.parse("GRANT ALL PRIVILEGES ON `shop\\_%`.* TO `m`@`%`").orElseThrow();
        assertTrue(wild.reaches(List.of("shop_v2")));
        assertFalse(wild.reaches(List.of("shopv2")));
        assertTrue(GrantLine.parse("GRANT `role_rw` TO `m`@`%`").isEmpty());
        assertTrue(GrantLine.parse("GRANT EXECUTE ON PROCEDURE `shop`.`p` TO `m`@`%`").isEmpty());

        AccountPattern m = AccountPattern.parse("migrator@%");
        List<GrantLine> grants = List.of(dbLevel, global, GrantLine.parse("GRANT ALL PRIVILEGES ON `shop`.`orders` TO `migrator`@`%`").orElseThrow(),
                GrantLine.parse("GRANT INSERT ON `other`.* TO `migrator`@`%`").orElseThrow());
        assertEquals(List.of("REVOKE INSERT, UPDATE (`note`, `total`) ON `shop`.* FROM 'migrator'@'%';",
                        "REVOKE ALL PRIVILEGES ON `shop`.`orders` FROM 'migrator'@'%';",
                        "GRANT SELECT ON `shop`.`orders` TO 'migrator'@'%';"),
                RevokePlan.statements(MYSQL_CUTOVER, m, grants, List.of("shop")));
        assertEquals("'o''brien'@'%'", MYSQL_CUTOVER.accountLiteral("o'brien", "%"));
    }

    @Test
    void grantEvidenceHidesPasswordHashes() {
        assertEquals("GRANT USAGE ON *.* TO `m`@`%` IDENTIFIED BY PASSWORD '******'",
                GrantsGate.redact("GRANT USAGE ON *.* TO `m`@`%` IDENTIFIED BY PASSWORD '*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29'"));
        assertEquals("GRANT USAGE ON *.* TO `m`@`%` IDENTIFIED VIA ed25519 USING '******'",
                GrantsGate.redact("GRANT USAGE ON *.* TO `m`@`%` IDENTIFIED VIA ed25519 USING 'ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY'"));
    }
}
