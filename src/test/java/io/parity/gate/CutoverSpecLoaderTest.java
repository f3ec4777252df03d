package io.parity.gate;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.spec.ActionStep;
import io.parity.spec.CutoverSpec;
import io.parity.spec.GateStep;
import io.parity.spec.JobSpec;
import io.parity.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cutover: block read beside an ordinary spec: defaults, order, disabled gates, and one line per problem. */
class CutoverSpecLoaderTest {

    @TempDir
    Path dir;

    private static final String BASE = """
            name: shop
            source: { url: "jdbc:mysql://127.0.0.1:3307/shop", user: root, password: "" }
            destination: { url: "jdbc:mysql://127.0.0.1:3308/shop", user: root, password: "" }
            tables: [ "shop.orders" ]
            """;

    private CutoverSpec load(String cutover) throws IOException {
        Path file = dir.resolve("shop.yml");
        Files.writeString(file, BASE + cutover);
        JobSpec spec = new SpecLoader(name -> null).load(file);
        return spec.cutover();
    }

    @Test
    void readsStepsInOrderWithDefaultsUnderSettings() throws IOException {
        CutoverSpec c = load("""
                cutover:
                  heartbeat: { schema: ops, gtid-domain-id: 99 }
                  steps:
                    - gate: lag
                      max-delay: 3s
                    - action: command
                      run: "systemctl stop dms"
                      timeout: 2m
                    - action: pause
                      message: switch
                    - gate: grants
                      enabled: false
                      reason: dropped by the platform team
                    - gate: backup
                      required: false
                      file: /backups/last
                      max-age: 24h
                """);
        assertTrue(c.declared());
        assertEquals("ops", c.heartbeat().schema());
        assertEquals("shop", c.heartbeat().id());
        assertEquals(99L, c.heartbeat().gtidDomainId());
        assertEquals(5, c.steps().size());
        GateStep lag = assertInstanceOf(GateStep.class, c.steps().get(0));
        assertEquals("01-lag", lag.id());
        assertEquals(Duration.ofSeconds(3), lag.settings().duration("max-delay", null));
        assertEquals(Duration.ofMinutes(5), lag.settings().timeout(), "lag's default timeout");
        ActionStep command = assertInstanceOf(ActionStep.class, c.steps().get(1));
        assertEquals("02-command", command.id());
        assertEquals(Duration.ofMinutes(2), command.timeout());
        assertEquals(ActionStep.Kind.PAUSE, ((ActionStep) c.steps().get(2)).kind());
        GateStep grants = (GateStep) c.steps().get(3);
        assertFalse(grants.enabled());
        assertEquals("dropped by the platform team", grants.reason());
        assertFalse(((GateStep) c.steps().get(4)).required());
    }

    @Test
    void noBlockMeansNotDeclared() throws IOException {
        CutoverSpec c = load("");
        assertFalse(c.declared());
        assertEquals("parity", c.heartbeat().schema());
    }

    @Test
    void everyProblemIsOneLineNamingTheFieldAndTheFix() throws IOException {
        ParityException e = assertThrows(ParityException.class, () -> load("""
                cutover:
                  steps:
                    - gate: lag
                      max-delay: soon
                      colour: red
                    - gate: nope
                    - gate: backup
                      file: x
                      query: "SELECT 1"
                    - gate: grants
                    - action: reboot
                    - { }
                    - gate: sessions
                      enabled: false
                """));
        assertEquals(Failure.BAD_INPUT, e.failure());
        String[] lines = e.getMessage().split("\\R");
        assertEquals(9, lines.length, e.getMessage());
        String all = e.getMessage();
        assertTrue(all.contains("cutover.steps[0].max-delay: 'soon' is not a duration; write it as 500ms, 5s, 10m or 1h"));
        assertTrue(all.contains("cutover.steps[0].colour: unknown setting of gate lag"));
        assertTrue(all.contains("cutover.steps[1].gate: 'nope' is not a gate"));
        assertTrue(all.contains("cutover.steps[2]: gate backup needs exactly one of 'query:'"));
        assertTrue(all.contains("cutover.steps[2].max-age: missing"));
        assertTrue(all.contains("cutover.steps[3].accounts: missing"));
        assertTrue(all.contains("cutover.steps[4].action: 'reboot' is not an action"));
        assertTrue(all.contains("cutover.steps[5]: needs 'gate:'"));
        assertTrue(all.contains("cutover.steps[6].reason: missing; a disabled gate needs 'reason:'"));
        for (String line : lines) {
            assertTrue(line.startsWith(dir.resolve("shop.yml").toString() + ": cutover."), line);
        }
    }

    @Test
    void nativeActionsAreReadWithTheirSettingsAndThePasswordKeptApart() throws IOException {
        Files.writeString(dir.resolve("repl.txt"), "s3cret\n");
        CutoverSpec c = load("""
                cutover:
                  steps:
                    - action: read-only
                      side: source
                    - action: read-only
                      side: destination
                      value: off
                    - action: stop-replication
                    - action: start-reverse-replication
                      user: repl
                      password-file: repl.txt
                      port: 3310
                    - action: revoke-grants
                      accounts: ["migrator@%"]
                """);
        java.util.List<io.parity.spec.CutoverStep> steps = c.steps();
        io.parity.spec.ActionStep ro = (io.parity.spec.ActionStep) steps.get(0);
        assertEquals("01-read-only", ro.id());
        assertEquals(io.parity.spec.ActionStep.Kind.READ_ONLY, ro.kind());
        assertEquals("source", ro.settings().string("side", null));
        assertEquals("off", ((io.parity.spec.ActionStep) steps.get(1)).settings().string("value", null));
        assertEquals("03-stop-replication", steps.get(2).id());
        io.parity.spec.ActionStep reverse = (io.parity.spec.ActionStep) steps.get(3);
        assertEquals("s3cret", reverse.password().reveal());
        assertEquals(3310L, reverse.settings().integer("port", 0));
        assertFalse(reverse.settings().values().toString().contains("s3cret"));
        assertEquals("05-revoke-grants", steps.get(4).id());
    }

    @Test
    void nativeActionMistakesAreOneLineEach() throws IOException {
        ParityException e = assertThrows(ParityException.class, () -> load("""
                cutover:
                  steps:
                    - action: read-only
                    - action: read-only
                      side: both
                      value: maybe
                    - action: start-reverse-replication
                      password: x
                    - action: start-reverse-replication
                      user: repl
                    - action: revoke-grants
                    - action: stop-replication
                      run: "x"
                """));
        String all = e.getMessage();
        assertTrue(all.contains("cutover.steps[0].side: missing; say which side becomes read-only"), all);
        assertTrue(all.contains("cutover.steps[1].side: 'both' is not a side"), all);
        assertTrue(all.contains("cutover.steps[1].value: 'maybe' is not on or off"), all);
        assertTrue(all.contains("cutover.steps[2].user: missing"), all);
        assertTrue(all.contains("cutover.steps[3].password-file: missing"), all);
        assertTrue(all.contains("cutover.steps[2].password: a password is not written in the spec"), all);
        assertTrue(all.contains("cutover.steps[4].accounts: missing"), all);
        assertTrue(all.contains("cutover.steps[5].run: unknown key"), all);
    }

    @Test
    void onFailureIsReadAndRollbackNeedsItsBlock() throws IOException {
        CutoverSpec c = load("""
                cutover:
                  steps:
                    - gate: destination-serving
                      on-failure: rollback
                    - gate: lag
                      on-failure: pause
                  rollback:
                    - action: read-only
                      side: destination
                """);
        assertEquals(io.parity.spec.GateStep.OnFailure.ROLLBACK, ((io.parity.spec.GateStep) c.steps().get(0)).onFailure());
        assertEquals(io.parity.spec.GateStep.OnFailure.PAUSE, ((io.parity.spec.GateStep) c.steps().get(1)).onFailure());
        assertEquals("r01-read-only", c.rollback().get(0).id());

        ParityException e = assertThrows(ParityException.class, () -> load("""
                cutover:
                  steps:
                    - gate: source-silent
                      on-failure: rollback
                    - gate: lag
                      on-failure: later
                """));
        assertTrue(e.getMessage().contains("cutover.steps[0].on-failure: rollback needs a 'rollback:' block"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cutover.steps[1].on-failure: 'later' is not stop, pause or rollback"),
                e.getMessage());
    }
}
