package io.parity.batch;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Replaces Spring Boot's job repository schema initializer (it backs off when one is defined) with
 * {@link RepositorySchemaInitializer}, which creates the schema once. Being of the same type, it still runs before the
 * job repository is used.
 */
@Configuration(proxyBeanMethods = false)
public class RepositorySchemaConfiguration {

    @Bean
    BatchDataSourceScriptDatabaseInitializer parityRepositorySchema(DataSource dataSource, BatchJdbcProperties properties) {
        return new RepositorySchemaInitializer(dataSource, properties);
    }
}
