package io.parity.gate;

import io.parity.engine.CutoverSql;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact statements that take an account's write privileges away on the databases in scope, one per grant line,
 * keeping its read access: {@code ALL PRIVILEGES} is revoked whole and {@code SELECT} granted back on the same scope.
 *
 * <pre>
 * REVOKE INSERT, UPDATE, DELETE ON `shop`.* FROM 'migrator'@'%';
 * REVOKE ALL PRIVILEGES ON `shop`.* FROM 'migrator'@'%'; GRANT SELECT ON `shop`.* TO 'migrator'@'%';
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
}
