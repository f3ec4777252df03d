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
 * Sessions may finish, so a non-zero {@code timeout} turns a FAIL into polling.
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
        List<SessionRow> sessions = context.on(Side.SOURCE, "reading the sessions and their transactions", (c, sql) -> read(c.createStatement(), sql.cutover()));
        List<Map<String, Object>> offenders = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int allowed = 0;
        for (SessionRow s : sessions) {
            if (s.internal() || !s.writing()) {
                continue;
            }
            if (allow.stream().anyMatch(a -> a.matches(s.user(), s.host()))) {
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
        String text = offenders.isEmpty() ? sessions.size() + " sessions, no writer outside the allow-list"
                : offenders.size() + " writing session(s) outside the allow-list: " + String.join("; ", lines);
        return new Observation(context.clock().instant(), text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Observation last = series.get(series.size() - 1);
        List<?> offenders = (List<?>) last.value("offenders");
        return offenders.isEmpty() ? Decision.pass(last.text()) : Decision.waitFor(last.text());
    }

    @Override
    public String movement(List<Observation> series) {
        if (series.size() < 2) {
            return "";
        }
        return "writing sessions outside the allow-list " + ((List<?>) series.get(0).value("offenders")).size() + " -> "
                + ((List<?>) series.get(series.size() - 1).value("offenders")).size();
    }

    private static List<SessionRow> read(Statement st, CutoverSql sql) throws SQLException {
        List<SessionRow> rows = new ArrayList<>();
        try (st; ResultSet own = st.executeQuery(sql.connectionId())) {
            own.next();
            long self = own.getLong(1);
            try (ResultSet rs = st.executeQuery(sql.sessions())) {
                while (rs.next()) {
                    long id = rs.getLong("ID");
                    if (id == self) {
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
        return rows;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
