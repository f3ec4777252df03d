package io.parity.gate;

import io.parity.engine.CutoverSql;
import io.parity.engine.TableGrantSql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The exact statements that take an account's write privileges away on the databases in scope, one per grant line,
 * keeping its read access: {@code ALL PRIVILEGES} is revoked whole and {@code SELECT} granted back on the same scope.
 *
 * <pre>
 * REVOKE INSERT, UPDATE, DELETE ON `shop`.* FROM 'migrator'@'%';
 * REVOKE ALL PRIVILEGES ON `shop`.* FROM 'migrator'@'%'; GRANT SELECT ON `shop`.* TO 'migrator'@'%';
 * </pre>
 *
 * <p>Where privileges are per table (PostgreSQL), one statement per table, its read access untouched:
 * <pre>
 * REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE "public"."orders" FROM "migrator";
 * </pre>
 */
public final class RevokePlan {

    private RevokePlan() {
    }

    public static List<String> statements(CutoverSql sql, AccountPattern account, List<GrantLine> grants,
                                          List<String> databases) {
        String who = sql.accountLiteral(account.user(), account.host());
        List<String> out = new ArrayList<>();
        for (GrantLine g : grants) {
            List<String> writes = g.writePrivileges();
            if (writes.isEmpty() || !g.reaches(databases)) {
                continue;
            }
            if (g.all()) {
                out.add("REVOKE ALL PRIVILEGES ON " + g.scope() + " FROM " + who + ";");
                out.add("GRANT SELECT ON " + g.scope() + " TO " + who + ";");
            } else {
                out.add("REVOKE " + String.join(", ", writes) + " ON " + g.scope() + " FROM " + who + ";");
            }
        }
        return out;
    }

    /** One statement per table, privileges in {@link TableGrantSql#WRITE}'s order. */
    public static List<String> statements(TableGrantSql sql, String role, List<TableGrant> grants) {
        return grants.stream().map(g -> sql.revoke(g.privileges().stream()
                .sorted(Comparator.comparingInt(TableGrantSql.WRITE::indexOf)).toList(), g.schema(), g.table(), role))
                .toList();
    }
}
