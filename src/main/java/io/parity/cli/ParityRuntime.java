package io.parity.cli;

import io.parity.ParityApplication;
import io.parity.error.ParityException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring context (job repository, Spring Batch, Parity's job wiring), started only by commands that run jobs.
 */
public final class ParityRuntime implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ParityRuntime(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ParityRuntime start(RepositorySettings repository) {
        try {
            return new ParityRuntime(new SpringApplicationBuilder(ParityApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .registerShutdownHook(false) // Parity stops its job first on SIGTERM, then closes the context
                    .properties(repository.springProperties())
                    .run());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw ParityException.badInput("job repository " + repository.safeUrl() + " cannot be used ("
                    + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + "); check --repository-url and"
                    + " PARITY_REPOSITORY_USER / PARITY_REPOSITORY_PASSWORD");
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
