package io.parity.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parity privileges}: the GRANT statements per side and engine, from the spec alone. */
class PrivilegesCommandTest {

    @TempDir
    Path dir;

    private String[] run(String spec, String... options) throws Exception {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, spec);
        String[] args = new String[options.length + 3];
        args[0] = "privileges";
        args[1] = "--job";
        args[2] = file.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParityCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static final String MIXED = """
            name: shop
            source: { url: "jdbc:mysql://127.0.0.1:3306/shop", user: parity, password: x }
            destination: { url: "jdbc:postgresql://127.0.0.1:5432/shopdb", user: parity, password: x }
            tables:
              - shop.orders
              - name: customers
              - include: "shop.*"
                target: "sales.*"
            """;

    @Test
    void verifyGrantsSelectOnlyPerSideInEachEnginesWords() throws Exception {
        String[] r = run(MIXED);

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("""
                -- source (jdbc:mysql://127.0.0.1:3306/shop) as 'parity'@'%'
                -- verify reads the compared rows
                GRANT SELECT ON `shop`.`orders` TO 'parity'@'%';
                GRANT SELECT ON `shop`.`customers` TO 'parity'@'%';
                GRANT SELECT ON `shop`.* TO 'parity'@'%';
                """, """
                -- destination (jdbc:postgresql://127.0.0.1:5432/shopdb) as "parity"
                -- verify reads the compared rows
                GRANT USAGE ON SCHEMA "shop" TO "parity";
                GRANT SELECT ON TABLE "shop"."orders" TO "parity";
                GRANT USAGE ON SCHEMA "public" TO "parity";
                GRANT SELECT ON TABLE "public"."customers" TO "parity";
                GRANT USAGE ON SCHEMA "sales" TO "parity";
                GRANT SELECT ON ALL TABLES IN SCHEMA "sales" TO "parity";
                """);
        assertThat(r[1]).doesNotContain("INSERT").doesNotContain("PROCESS");
    }

    @Test
    void repairWritesTheDestinationOnlyAndHostIsAnOption() throws Exception {
        String[] r = run(MIXED.replace("postgresql://127.0.0.1:5432/shopdb", "mysql://10.0.0.2:3306/shop"),
                "--for", "repair", "--host", "10.0.0.%");

        assertThat(r[1]).contains("GRANT SELECT ON `shop`.`orders` TO 'parity'@'10.0.0.%';\n")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `shop`.`orders` TO 'parity'@'10.0.0.%';\n")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `sales`.* TO 'parity'@'10.0.0.%';\n");
        String source = r[1].substring(0, r[1].indexOf("-- destination"));
        assertThat(source).doesNotContain("INSERT");
    }

    @Test
    void cutoverAddsWhatTheRunbooksGatesUse() throws Exception {
        String[] r = run(MIXED + """
                cutover:
                  heartbeat: { gtid-domain-id: 99 }
                  steps:
                    - gate: lag
                      max-delay: 5s
                    - gate: sessions
                    - gate: grants
                      accounts: ["migrator@%"]
                """, "--for", "cutover");

        String source = r[1].substring(0, r[1].indexOf("-- destination"));
        String destination = r[1].substring(r[1].indexOf("-- destination"));
        assertThat(source).contains("GRANT SELECT, INSERT, DELETE, CREATE ON `parity`.* TO 'parity'@'%';")
                .contains("GRANT PROCESS ON *.* TO 'parity'@'%';")
                .contains("-- MariaDB: heartbeats go to heartbeat.gtid-domain-id (SET SESSION gtid_domain_id)")
                .contains("-- GRANT BINLOG REPLAY ON *.* TO 'parity'@'%';").doesNotContain("GRANT SELECT ON `mysql`.*");
        assertThat(destination).contains("GRANT pg_monitor TO \"parity\";")
                .contains("GRANT SELECT ON ALL TABLES IN SCHEMA \"parity\" TO \"parity\";")
                .contains("-- none: the catalogs holding grants are readable by every role");
    }

    @Test
    void nativeActionsAddTheirAdministrativePrivilegesOnTheirSide() throws Exception {
        Files.writeString(dir.resolve("repl.txt"), "pw");
        String[] r = run(MIXED + """
                cutover:
                  steps:
                    - gate: lag
                    - action: read-only
                      side: source
                    - action: stop-replication
                    - action: start-reverse-replication
                      user: repl
                      password-file: repl.txt
                    - action: revoke-grants
                      accounts: ["migrator@%"]
                """, "--for", "cutover", "--server", "mariadb");

        assertThat(r[0]).isEqualTo("0");
        String source = r[1].substring(0, r[1].indexOf("-- destination"));
        String destination = r[1].substring(r[1].indexOf("-- destination"));
        assertThat(source).contains("GRANT READ_ONLY ADMIN ON *.* TO 'parity'@'%';")
                .contains("-- start-reverse-replication points this server at the destination")
                .contains("GRANT REPLICATION SLAVE ADMIN ON *.* TO 'parity'@'%';");
        assertThat(destination).contains("GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume()")
                .contains("-- REVOKE runs as the tables' owner");
    }

    @Test
    void anUnknownCommandIsBadInput() throws Exception {
        String[] r = run(MIXED, "--for", "delete");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--for: 'delete' is not a command; use verify, repair or cutover");
        assertThat(r[1]).isEmpty();
    }
}
