package io.parity.engine.mysql;

import java.util.Optional;

/** MariaDB puts a session's transactions into a GTID domain of their own, so Parity's markers never look like writes. */
class MariaDbCutoverSql extends MySqlCutoverSql {

    private static final GtidDomainSql DOMAINS = new GtidDomainSql("SET SESSION gtid_domain_id = ?",
            "SET SESSION gtid_domain_id = @@GLOBAL.gtid_domain_id");

    MariaDbCutoverSql(MySqlSql sql) {
        super(sql);
    }

    @Override
    boolean mariadb() {
        return true;
    }

    @Override
    public Optional<GtidDomainSql> gtidDomains() {
        return Optional.of(DOMAINS);
    }
}
