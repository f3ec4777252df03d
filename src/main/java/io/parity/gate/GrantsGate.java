package io.parity.gate;

import io.parity.core.Side;
import io.parity.spec.GateSettings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code grants}: the migration {@code accounts} (e.g. {@code [migrator@%]}) hold no write privilege on the databases
 * in scope, on {@code side} (default destination, where a migration service writes). The databases are
 * {@code databases} when given, else those the spec's URLs and table names mention. On FAIL the evidence carries the
 * exact {@code REVOKE} statements; an account that does not exist holds nothing and passes. On PostgreSQL an account
 * is a role (a host, if given, is ignored), its privileges are read from the tables of the connected database, and
 * {@code databases} names the schemas in scope when it names any besides that database (else every schema).
 */
public final class GrantsGate implements Gate {

    public static final String NAME = "grants";
    static final int NO_SUCH_GRANT = 1141;

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Observation observe(GateContext context, GateSettings settings) {
        Side side = "source".equals(settings.string("side", "destination").toLowerCase(Locale.ROOT))
                ? Side.SOURCE : Side.DESTINATION;
        List<String> databases = settings.has("databases") ? settings.strings("databases") : SpecDatabases.of(context.spec());
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<String> revokes = new ArrayList<>();
        for (String text : settings.strings("accounts")) {
            AccountPattern account = AccountPattern.parse(text);
            Found found = context.on(side, "reading the grants of " + account, (c, sql) -> {
                if (sql.cutover().tableGrants().isPresent()) {
                    return TablePrivileges.read(c, sql.cutover().tableGrants().get(), account.user(), databases);
                }
                List<String> shown = showGrants(c.createStatement(),
                        sql.cutover().showGrants(account.user(), account.host()));
                List<GrantLine> grants = (shown == null ? List.<String>of() : shown).stream()
                        .flatMap(l -> GrantLine.parse(l).stream()).toList();
                return new Found(shown, RevokePlan.statements(sql.cutover(), account, grants, databases));
            });
            List<String> lines = found.lines();
            List<String> statements = found.revokes();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("account", account.toString());
            a.put("exists", lines != null);
            a.put("grants", lines == null ? List.of() : lines.stream().map(GrantsGate::redact).toList());
            a.put("revoke", statements);
            accounts.add(a);
            revokes.addAll(statements);
        }
        if (!revokes.isEmpty()) {
            // Replicated, a REVOKE reaches servers that may not have the account (the old source, by reverse
            // replication) and stops their applier: the statements stay on this server where the engine allows.
            String local = context.on(side, "reading how account changes stay local",
                    (c, sql) -> sql.cutover().accountChangesStayLocal().orElse(null));
            if (local != null) {
                revokes.add(0, local);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("side", side.label());
        values.put("databases", databases);
        values.put("accounts", accounts);
        values.put("revoke", revokes);
        String text = revokes.isEmpty() ? "no write privileges for " + settings.strings("accounts") + " on " + databases
                + " (" + side.label() + ")"
                : "write privileges remain on " + databases + " (" + side.label() + "); run: " + String.join(" ", revokes);
        return new Observation(context.clock().instant(), text, values);
    }

    @Override
    public Decision decide(List<Observation> series, GateSettings settings) {
        Observation last = series.get(series.size() - 1);
        return ((List<?>) last.value("revoke")).isEmpty() ? Decision.pass(last.text()) : Decision.fail(last.text());
    }

    /** Grant lines may carry a password hash ({@code IDENTIFIED BY PASSWORD '*...'}); evidence never does. */
    static String redact(String grantLine) {
        return grantLine.replaceAll("(?i)(IDENTIFIED\\s+(?:BY\\s+PASSWORD|BY|VIA\\s+\\S+\\s+USING|WITH\\s+\\S+\\s+AS)\\s+)'(?:[^'\\\\]|\\\\.|'')*'",
                "$1'******'");
    }

    /** The grant lines, or null when the account does not exist. */
    private static List<String> showGrants(Statement st, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (st; ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_GRANT) {
                return null;
            }
            throw e;
        }
        return lines;
    }

    /** Databases a spec mentions: the ones its URLs select and those its table names qualify. */
    static final class SpecDatabases {
        private SpecDatabases() {
        }

        static List<String> of(io.parity.spec.JobSpec spec) {
            Set<String> out = new LinkedHashSet<>();
            for (String url : List.of(spec.source().url(), spec.destination().url())) {
                String path = url.replaceFirst("^jdbc:[a-z]+://[^/]*/?", "");
                int q = path.indexOf('?');
                String db = q < 0 ? path : path.substring(0, q);
                if (!db.isBlank()) {
                    out.add(db);
                }
            }
            spec.tables().forEach(t -> {
                for (String n : new String[] {t.name(), t.target()}) {
                    if (n != null && n.contains(".")) {
                        out.add(n.substring(0, n.indexOf('.')));
                    }
                }
            });
            return List.copyOf(out);
        }
    }

    /** The account's grant lines (null when it does not exist) and the statements that revoke its writes. */
    record Found(List<String> lines, List<String> revokes) {
    }
}
