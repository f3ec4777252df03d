package io.parity.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Metadata look-ups on an H2 database, which folds unquoted names to upper case. */
class RepositoryTablesTest {

    @Test
    void findsTablesAndColumnsWithoutMatchingWildcardLookalikes() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:repository_tables;DB_CLOSE_DELAY=-1");
        new JdbcTemplate(ds).execute("CREATE TABLE BATCHXJOB_INSTANCE (ID INT)");
        RepositoryTables tables = new RepositoryTables(ds);
        assertThat(tables.hasTable("BATCH_JOB_INSTANCE")).isFalse();
        new JdbcTemplate(ds).execute("CREATE TABLE batch_job_instance (id INT, reason VARCHAR(10))");
        assertThat(tables.hasTable("BATCH_JOB_INSTANCE")).isTrue();
        assertThat(tables.hasColumn("BATCH_JOB_INSTANCE", "REASON")).isTrue();
        assertThat(tables.hasColumn("BATCH_JOB_INSTANCE", "OTHER")).isFalse();
        assertThat(tables.hasTable("PARITY_ROW_DIFF")).isFalse();
    }
}
