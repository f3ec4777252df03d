package io.parity.cli;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring configuration that commands running jobs start (see {@link ParityRuntime}): the three auto-configurations
 * a job needs (the job repository's data source, its transaction manager, Spring Batch on JDBC) plus Parity's own
 * components in {@code io.parity.batch} and {@code io.parity.remote}. Named rather than discovered: full
 * auto-configuration also set up AOP proxying, task executors and schedulers, JDBC templates and transaction
 * templates that nothing here uses, 120 beans instead of 51 (measured: 0.15 CPU-s of every start). Kept apart from the
 * entry point, which only parses the command line.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        BatchJdbcAutoConfiguration.class})
@ComponentScan({"io.parity.batch", "io.parity.remote"})
public class ParityContext {
}
