package io.parity.batch;

import io.parity.store.RepositoryTables;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;

import javax.sql.DataSource;

/**
 * Spring Batch's schema script, run only when the repository does not have Spring Batch's tables yet. Spring Boot's
 * own initializer runs the script on every start and ignores the {@code CREATE TABLE} statements that fail because
 * the tables exist; H2 writes each of those failures with a stack trace to {@code repository.trace.db} (about 18 KB
 * per command, without bound), and every command pays for the failing DDL.
 */
class RepositorySchemaInitializer extends BatchDataSourceScriptDatabaseInitializer {

    private final RepositoryTables existing;
    private final String instanceTable;

    RepositorySchemaInitializer(DataSource dataSource, BatchJdbcProperties properties) {
        super(dataSource, properties);
        this.existing = new RepositoryTables(dataSource);
        String prefix = properties.getTablePrefix();
        this.instanceTable = (prefix == null ? "BATCH_" : prefix) + "JOB_INSTANCE"; // unset: Spring Batch's default
    }

    @Override
    public boolean initializeDatabase() {
        return !existing.hasTable(instanceTable) && super.initializeDatabase();
    }
}
