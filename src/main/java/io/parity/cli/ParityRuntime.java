package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.remote.BrokerSettings;
import io.parity.remote.RemoteRole;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The Spring context (job repository, Spring Batch, Parity's job wiring), started only by commands that run jobs.
 * A manager or worker context also holds the broker wiring of {@code io.parity.remote}; a local one does not load it.
 *
 * <p>A plain annotation context with Spring Boot's configuration-property binding, not a {@code SpringApplication}:
 * the job repository's configuration needs only the environment (the repository's and the run's properties, then
 * {@code application.properties}) and the binding; the application's listeners, config-file search, banner, logging
 * system and runners were start-up time on the path to the first chunk (measured on a small verify, 12 alternating
 * runs: 0.96x the wall time and CPU). Logging is {@code LogbackSetup}'s alone.
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
        Map<String, Object> props = new HashMap<>(repository.springProperties());
        props.putAll(extra);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        try {
            ConfigurableEnvironment environment = context.getEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("parity", props));
            environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
            ConfigurationPropertySources.attach(environment);
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            if (broker != null) {
                context.getBeanFactory().registerSingleton("parityBroker", broker);
            }
            context.register(ParityContext.class);
            ParityRuntime runtime = new ParityRuntime(context);
            try (EmbeddedOpen opening = EmbeddedOpen.start(repository)) {
                context.refresh();
            }
            if (extra.containsKey("parity.remote.threads")) {
                // A verify stops its job first on SIGTERM and then closes the context itself; a worker is closed here.
                context.registerShutdownHook();
            }
            return runtime;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    /**
     * Opens an existing embedded H2 repository on another thread while the context refreshes: the first connection
     * opens the database file (a quarter of a second of the refresh, measured on a small verify), and the pool's own
     * connection, made late in the refresh, then finds it open. Held until the refresh ends, so the database stays
     * open in between; a failure here is left for the pool to report. Nothing for a server repository, or an H2 file
     * that does not exist yet (its tables are created by the refresh, after the input was checked).
     */
    private static final class EmbeddedOpen implements AutoCloseable {

        private final CompletableFuture<Connection> connection;

        private EmbeddedOpen(CompletableFuture<Connection> connection) {
            this.connection = connection;
        }

        static EmbeddedOpen start(RepositorySettings repository) {
            if (!repository.existingFile()) {
                return new EmbeddedOpen(null);
            }
            String url = RepositorySettings.h2ClosesQuickly(repository.url());
            CompletableFuture<Connection> opened = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    opened.complete(DriverManager.getConnection(url, repository.user(), repository.password()));
                } catch (SQLException | RuntimeException e) {
                    opened.complete(null);
                }
            }, "parity-repository-open");
            t.setDaemon(true);
            t.start();
            return new EmbeddedOpen(opened);
        }

        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            try {
                Connection c = connection.join();
                if (c != null) {
                    c.close();
                }
            } catch (SQLException | RuntimeException e) {
                // only a head start: the pool holds its own connections
            }
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
