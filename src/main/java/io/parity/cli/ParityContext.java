package io.parity.cli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring configuration that commands running jobs start (see {@link ParityRuntime}): auto-configuration plus
 * Parity's own components under {@code io.parity}. Kept apart from the entry point, which only parses the command line.
 */
@SpringBootApplication(scanBasePackages = {"io.parity.batch", "io.parity.remote"})
public class ParityContext {
}
