package io.parity.gate;

import io.parity.core.Side;
import io.parity.engine.CutoverSql;
import io.parity.spec.GateSettings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sessions}: no session on the source, other than the accounts in {@code allow} (e.g. {@code [repl, parity@%]})
 * and the server's own threads, holds an open write transaction or is running DML. The evidence names each offender
 * by process id, account, host, age and statement digest, which is what an operator needs to find or kill it. On
 * PostgreSQL a session idle inside a transaction counts, as does one whose transaction has written.
 * Sessions may finish, so a non-zero {@code timeout} turns a FAIL into polling. With {@code watch} (e.g. {@code 30s})
 * the gate watches the source for that long before it passes, and also reads the source position: see
 * {@link SessionsWatch}, which names every account that wrote during the watch, autocommit writers included.
 */
public final class SessionsGate implements Gate {

    public static final String NAME = "sessions";

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        List<AccountPattern> allow = settings.strings("allow").stream().map(AccountPattern::parse).toList();
        boolean watching = settings.has("watch");
        Long ignored = context.heartbeat().gtidDomainId();
        Sample sample = context.on(Side.SOURCE, "reading the sessions and their transactions", (c, sql) -> {
            Sample s = read(c.createStatement(), sql.cutover());
            if (!watching) {
                return s;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.replication().gtidPosition())) {
                rs.next();
                return new Sample(s.rows(), s.self(), GtidPosition.withoutDomain(rs.getString(1), ignored));
            }
        });
        List<SessionRow> sessions = sample.rows();
        List<Map<String, Object>> offenders = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        java.util.Set<String> connected = new java.util.LinkedHashSet<>();
        int allowed = 0;
        for (SessionRow s : sessions) {
            if (s.internal()) {
                continue;
            }
            boolean isAllowed = allow.stream().anyMatch(a -> a.matches(s.user(), s.host()));
            if (!isAllowed && !s.user().equals(sample.self())) {
                connected.add(SessionsWatch.account(s.user(), s.host()));
            }
            if (!s.writing()) {
                continue;
            }
            if (isAllowed) {
                allowed++;
                continue;
            }
            offenders.add(s.values());
            lines.add(s.describe());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sessions_seen", sessions.size());
        values.put("allowed_writers", allowed);
        values.put("allow", settings.strings("allow"));
        values.put("offenders", offenders);
        if (watching) {
            values.put("position", sample.position());
            values.put("connected", List.copyOf(connected));
        }
        String text = offenders.isEmpty() ? sessions.size() + " sessions, no writer outside the allow-list"
                : offenders.size() + " writing session(s) outside the allow-list: " + String.join("; ", lines);
        return new Observation(context.clock().instant(), text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        if (settings.has("watch")) {
            return SessionsWatch.decide(series, settings.duration("watch", java.time.Duration.ZERO));
        }
        Observation last = series.get(series.size() - 1);
        List<?> offenders = (List<?>) last.value("offenders");
        return offenders.isEmpty() ? Decision.pass(last.text()) : Decision.waitFor(last.text());
    }

    @Override
    public String movement(List<Observation> series) {
        if (series.size() < 2) {
            return "";
        }
        String history = SessionsWatch.history(series);
        return "writing sessions outside the allow-list " + ((List<?>) series.get(0).value("offenders")).size() + " -> "
                + ((List<?>) series.get(series.size() - 1).value("offenders")).size()
                + (history.isEmpty() ? "" : "; " + history);
    }

    /** One read of the source: its sessions but the gate's own, the gate's account, and the position when watching. */
    private record Sample(List<SessionRow> rows, String self, String position) {
    }

    private static Sample read(Statement st, CutoverSql sql) throws SQLException {
        List<SessionRow> rows = new ArrayList<>();
        String selfUser = "";
        try (st; ResultSet own = st.executeQuery(sql.connectionId())) {
            own.next();
            long self = own.getLong(1);
            try (ResultSet rs = st.executeQuery(sql.sessions())) {
                while (rs.next()) {
                    long id = rs.getLong("ID");
                    if (id == self) {
                        selfUser = nz(rs.getString("USER"));
                        continue;
                    }
                    String info = rs.getString("INFO");
                    String trxQuery = rs.getString("trx_query");
                    rows.add(new SessionRow(id, nz(rs.getString("USER")), nz(rs.getString("HOST")),
                            nz(rs.getString("COMMAND")), rs.getLong("TIME"), info != null ? info : trxQuery,
                            (Long) rs.getObject("trx_age", Long.class), (Long) rs.getObject("trx_rows_modified", Long.class)));
                }
            }
        }
        return new Sample(rows, selfUser, "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
