package io.parity.privilege;

import io.parity.core.Side;
import io.parity.engine.AccountSql.Kind;
import io.parity.engine.AccountSql.Need;
import io.parity.spec.CutoverStep;
import io.parity.spec.GateStep;
import io.parity.spec.JobSpec;
import io.parity.spec.TableSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one command needs on each side of a spec, engine-neutral: verify reads the compared tables on both sides;
 * repair also writes the destination's (the target of the default {@code --direction to-destination}); the cutover
 * gates of the spec's runbook (every gate when it has none) read replication status, sessions and grants and write
 * Parity's marker tables. Rendered into GRANT statements by each side's {@link io.parity.engine.AccountSql}.
 */
public final class PrivilegePlan {

    private PrivilegePlan() {
    }

    /** The needs of {@code purpose} on {@code side}, in the order they are printed. */
    public static List<Need> needs(JobSpec spec, Purpose purpose, Side side) {
        List<Need> needs = new ArrayList<>();
        String url = side == Side.SOURCE ? spec.source().url() : spec.destination().url();
        boolean write = purpose == Purpose.REPAIR && side == Side.DESTINATION;
        for (TableSpec table : spec.tables()) {
            TableScope scope = side == Side.SOURCE ? TableScope.source(table, url) : TableScope.destination(table, url);
            needs.add(new Need(write ? Kind.WRITE_ROWS : Kind.READ_ROWS, scope.schema(), scope.table(),
                    write ? "repair --apply writes the target's rows" : "verify reads the compared rows"));
        }
        if (write) {
            needs.add(new Need(Kind.REPLICA_STATUS, null, null,
                    "repair --apply refuses to write to a replica, which it tells by the replica status"));
        } else if (side == Side.DESTINATION && spec.options().fence() != io.parity.spec.FenceMode.NONE) {
            needs.add(new Need(Kind.REPLICA_STATUS, null, null, "fence: auto sees whether the destination replicates"
                    + " from the source (without it, verify re-checks until the destination is quiet)"));
        }
        if (purpose != Purpose.CUTOVER && side == Side.SOURCE && spec.options().throttle().replicaLag() != null) {
            needs.add(new Need(Kind.REPLICA_HOSTS, null, null, "throttle.replica-lag lists the source's replicas"
                    + " (each is then asked for its lag with this account)"));
        }
        if (purpose == Purpose.CUTOVER) {
            needs.addAll(gateNeeds(spec, side));
        }
        return needs;
    }

    /** The database the URL names (PostgreSQL's CREATE ON DATABASE), or an empty string. */
    public static String database(String url) {
        return TableScope.database(url);
    }

    private static List<Need> gateNeeds(JobSpec spec, Side side) {
        String markers = spec.cutover().heartbeat().schema();
        Set<Need> needs = new LinkedHashSet<>();
        for (String gate : gates(spec)) {
            Side grantsSide = "source".equals(setting(spec, gate, "side")) ? Side.SOURCE : Side.DESTINATION;
            switch (gate) {
                case "lag", "caught-up" -> {
                    if (side == Side.SOURCE) {
                        needs.add(new Need(Kind.MARKER_WRITE, markers, null, "lag gates write the heartbeat"));
                        if (spec.cutover().heartbeat().gtidDomainId() != null) {
                            needs.add(new Need(Kind.MARKER_DOMAIN, null, null,
                                    "MariaDB: heartbeats go to heartbeat.gtid-domain-id (SET SESSION gtid_domain_id)"));
                        }
                        needs.add(new Need(Kind.DOWNSTREAM, null, null, "lag gates list the source's replicas"));
                    } else {
                        needs.add(new Need(Kind.MARKER_READ, markers, null, "lag gates read the heartbeat"));
                        needs.add(new Need(Kind.REPLICA_STATUS, null, null, "lag gates read the replica status"));
                    }
                }
                case "reverse-replication" -> {
                    if (side == Side.DESTINATION) {
                        needs.add(new Need(Kind.MARKER_WRITE, markers, null, "reverse-replication writes the canary"));
                        if (spec.cutover().heartbeat().gtidDomainId() != null) {
                            needs.add(new Need(Kind.MARKER_DOMAIN, null, null,
                                    "MariaDB: the canary goes to heartbeat.gtid-domain-id"
                                            + " (SET SESSION gtid_domain_id)"));
                        }
                    } else {
                        needs.add(new Need(Kind.MARKER_READ, markers, null, "reverse-replication reads the canary"));
                        needs.add(new Need(Kind.REPLICA_STATUS, null, null,
                                "reverse-replication reads the source's replica status"));
                    }
                }
                case "sessions" -> {
                    if (side == Side.SOURCE) {
                        needs.add(new Need(Kind.SESSIONS, null, null, "sessions reads every session"));
                    }
                }
                case "grants" -> {
                    if (side == grantsSide) {
                        needs.add(new Need(Kind.READ_GRANTS, null, null,
                                "grants reads the migration accounts' grants"));
                    }
                }
                default -> {
                    // writes-stopped reads server variables and status; consistent reads the job repository; backup
                    // runs the spec's own query, whose tables its account must be able to read
                }
            }
        }
        for (CutoverStep step : spec.cutover().steps()) {
            if (step instanceof io.parity.spec.ActionStep action && action.kind().nativeAction()) {
                Side on = switch (action.kind()) {
                    case READ_ONLY -> "destination".equals(action.settings().string("side", "")) ? Side.DESTINATION
                            : Side.SOURCE;
                    case STOP_REPLICATION, START_REPLICATION -> "source".equals(action.settings().string("side", ""))
                            ? Side.SOURCE : Side.DESTINATION;
                    case START_REVERSE_REPLICATION -> Side.SOURCE;
                    case REPAIR -> "to-destination".equals(action.settings().string("direction", "to-source"))
                            ? Side.DESTINATION : Side.SOURCE;
                    default -> "source".equals(action.settings().string("side", "")) ? Side.SOURCE : Side.DESTINATION;
                };
                if (on != side) {
                    continue;
                }
                switch (action.kind()) {
                    case READ_ONLY -> needs.add(new Need(Kind.SET_READ_ONLY, null, null,
                            "the read-only action sets and clears read-only"));
                    case STOP_REPLICATION, START_REPLICATION -> needs.add(new Need(Kind.REPLICATION_ADMIN, null, null,
                            "stop- and start-replication stop and start the replication into this server"));
                    case START_REVERSE_REPLICATION -> needs.add(new Need(Kind.REPLICATION_ADMIN, null, null,
                            "start-reverse-replication points this server at the destination and starts it"));
                    case REPAIR -> {
                        if ("true".equals(action.settings().string("apply", "false"))) {
                            String url = side == Side.SOURCE ? spec.source().url() : spec.destination().url();
                            for (TableSpec table : spec.tables()) {
                                TableScope scope = side == Side.SOURCE ? TableScope.source(table, url)
                                        : TableScope.destination(table, url);
                                needs.add(new Need(Kind.WRITE_ROWS, scope.schema(), scope.table(),
                                        "the repair step applies its repair to these rows"));
                            }
                        }
                    }
                    default -> {
                        for (String database : action.settings().strings("databases").isEmpty()
                                ? databases(spec) : action.settings().strings("databases")) {
                            needs.add(new Need(Kind.REVOKE_GRANTS, database, null,
                                    "revoke-grants revokes the migration accounts' write privileges"));
                        }
                    }
                }
            }
        }
        return List.copyOf(needs);
    }

    private static List<String> gates(JobSpec spec) {
        List<String> gates = new ArrayList<>();
        for (CutoverStep step : spec.cutover().steps()) {
            if (step instanceof GateStep gate) {
                gates.add(gate.gate());
            }
        }
        return gates.isEmpty() ? List.of("lag", "writes-stopped", "sessions", "caught-up", "reverse-replication",
                "grants") : gates;
    }

    /** The databases the spec's URLs name, for revoke-grants without {@code databases}. */
    private static List<String> databases(JobSpec spec) {
        Set<String> out = new LinkedHashSet<>();
        for (String url : List.of(spec.source().url(), spec.destination().url())) {
            String db = TableScope.database(url);
            if (db != null && !db.isBlank()) {
                out.add(db);
            }
        }
        return List.copyOf(out);
    }

    private static String setting(JobSpec spec, String gate, String name) {
        return spec.cutover().gate(gate).map(g -> g.settings().string(name, "")).orElse("")
                .toLowerCase(Locale.ROOT);
    }
}
