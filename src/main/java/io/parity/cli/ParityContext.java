package io.parity.cli;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring configuration that commands running jobs start (see {@link ParityRuntime}): Parity's components in
 * {@code io.parity.batch} (the job repository among them: {@code JobRepositoryConfiguration}) and
 * {@code io.parity.remote}. No auto-configuration: full auto-configuration set up AOP proxying, task executors and
 * schedulers, JDBC and transaction templates that nothing here uses (120 beans instead of 51, 0.15 CPU-s of every
 * start), and the three a job needs (data source, its transaction manager, Spring Batch on JDBC) cost 0.18 s more
 * of every start than defining their few beans directly. Kept apart from the entry point, which only parses the
 * command line.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan({"io.parity.batch", "io.parity.remote"})
public class ParityContext {
}
