package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.remote.BrokerSettings;
import io.parity.remote.RemoteRole;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The Spring context (job repository, Spring Batch, Parity's job wiring), started only by commands that run jobs.
 * A manager or worker context also holds the broker wiring of {@code io.parity.remote}; a local one does not load it.
 */
public final class ParityRuntime implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ParityRuntime(ConfigurableApplicationContext context) {
        this.context = context;
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
    }

    public static ParityRuntime start(RepositorySettings repository) {
        return start(repository, null, Map.of());
    }

    /** A context whose verify job sends partitions to workers through the broker. */
    public static ParityRuntime startManager(RepositorySettings repository, BrokerSettings broker) {
        return start(repository, broker, RemoteRole.properties(RemoteRole.MANAGER));
    }

    /** A context that executes partitions it receives through the broker, {@code threads} at a time. */
    public static ParityRuntime startWorker(RepositorySettings repository, BrokerSettings broker, int threads) {
        Map<String, Object> props = new HashMap<>(RemoteRole.properties(RemoteRole.WORKER));
        props.put("parity.remote.threads", threads);
        return start(repository, broker, props);
    }

    private static ParityRuntime start(RepositorySettings repository, BrokerSettings broker, Map<String, Object> extra) {
        // LogbackSetup configures logging once, at the first logger; Boot re-initialising it would reset logback while
        // other threads (connecting to the sides meanwhile) log, and print logback's status warnings about it
        if (System.getProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY) == null) {
            System.setProperty(org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY,
                    org.springframework.boot.logging.LoggingSystem.NONE);
        }
        Map<String, Object> props = new HashMap<>(repository.springProperties());
        props.putAll(extra);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ParityContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(props);
        if (broker != null) {
            builder.initializers(c -> c.getBeanFactory().registerSingleton("parityBroker", broker));
        }
        try {
            // A verify stops its job first on SIGTERM and then closes the context itself; a worker is closed by Boot.
            return new ParityRuntime(builder.registerShutdownHook(extra.containsKey("parity.remote.threads")).run());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (broker != null && root.getClass().getName().matches("(com\\.rabbitmq|org\\.springframework\\.amqp)\\..*")) {
                throw ParityException.badInput("broker " + broker.safeUrl() + " cannot be used ("
                        + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + ")");
            }
            throw ParityException.badInput("job repository " + repository.safeUrl() + " cannot be used ("
                    + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + "); check --repository-url and"
                    + " PARITY_REPOSITORY_USER / PARITY_REPOSITORY_PASSWORD");
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Blocks until the context is closed, by {@link #close()} or by the JVM's shutdown hook (SIGTERM). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        context.close();
    }
}
