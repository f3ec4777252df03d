package io.parity.batch;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.transaction.annotation.Isolation;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository's settings come from the same property names Spring Boot's auto-configurations read (which
 * {@code RepositorySettings} writes): the pool's URL, account and driver properties, and Spring Batch's JDBC options.
 * The pool is not started here; {@code RepositoryIT} and every verify start it against real databases.
 */
class JobRepositoryConfigurationTest {

    private static StandardEnvironment environment(Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        ConfigurationPropertySources.attach(env);
        return env;
    }

    @Test
    void aMySqlRepositoryCreatesJobInstancesUnderRepeatableReadWithItsDriverProperties() {
        StandardEnvironment env = environment(Map.of(
                "spring.datasource.url", "jdbc:mysql://db.example:3306/parity",
                "spring.datasource.username", "parity",
                "spring.datasource.password", "s3cret",
                "spring.datasource.hikari.data-source-properties[sslMode]", "VERIFY_IDENTITY",
                "spring.datasource.hikari.data-source-properties[trustCertificateKeyStoreUrl]", "file:/etc/ca.p12",
                "spring.batch.jdbc.isolation-level-for-create", "REPEATABLE_READ",
                "spring.batch.jdbc.platform", "mysql",
                "spring.batch.jdbc.initialize-schema", "always"));
        try (HikariDataSource pool = JobRepositoryConfiguration.dataSource(env)) {
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:mysql://db.example:3306/parity");
            assertThat(pool.getUsername()).isEqualTo("parity");
            assertThat(pool.getPassword()).isEqualTo("s3cret");
            assertThat(pool.getDataSourceProperties()).containsEntry("sslMode", "VERIFY_IDENTITY")
                    .containsEntry("trustCertificateKeyStoreUrl", "file:/etc/ca.p12").hasSize(2);
            assertThat(pool.isRunning()).as("started by its first connection, not by the context").isFalse();
        }
        JobRepositoryConfiguration config = new JobRepositoryConfiguration(env);
        assertThat(config.getIsolationLevelForCreate()).isEqualTo(Isolation.REPEATABLE_READ);
        assertThat(config.batchJdbcProperties().getPlatform()).isEqualTo("mysql");
        assertThat(config.batchJdbcProperties().getInitializeSchema().name()).isEqualTo("ALWAYS");
        assertThat(config.getTablePrefix()).isEqualTo("BATCH_");
        assertThat(config.getValidateTransactionState()).isTrue();
    }

    @Test
    void anH2RepositoryKeepsSpringBatchsDefaults() {
        StandardEnvironment env = environment(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:jobs",
                "spring.datasource.username", "sa",
                "spring.datasource.password", ""));
        try (HikariDataSource pool = JobRepositoryConfiguration.dataSource(env)) {
            assertThat(pool.getDataSourceProperties()).isEmpty();
        }
        JobRepositoryConfiguration config = new JobRepositoryConfiguration(env);
        assertThat(config.getIsolationLevelForCreate()).isEqualTo(Isolation.SERIALIZABLE);
        assertThat(config.getTablePrefix()).isEqualTo("BATCH_");
        assertThat(config.batchJdbcProperties().getPlatform()).isNull();
    }
}
