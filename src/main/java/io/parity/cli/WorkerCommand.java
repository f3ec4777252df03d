package io.parity.cli;

import io.parity.core.ParityException;
import io.parity.core.ParityVersion;
import io.parity.remote.BrokerSettings;
import io.parity.remote.PartitionRequestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code parity worker}: a long-lived process that checks the partitions managers send through the broker. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = ParityVersion.class,
        description = {"Check partitions of verify runs that 'parity verify --workers' sends through RabbitMQ.",
                "",
                "A worker takes one partition at a time per thread from the queue, checks its chunks against both",
                "databases and records the results in the shared job repository, then replies to the manager. Start",
                "as many as you like, on any machines, at any time: workers that join late take the partitions still",
                "queued. Each worker reads the run's spec file at the path the manager gave (mount it at the same path)",
                "and takes the databases' passwords from its own environment. Stop it with SIGTERM.", ""},
        footer = {"", "Examples:",
                "  export PARITY_BROKER_PASSWORD=... PARITY_REPOSITORY_PASSWORD=...",
                "  parity worker --broker amqp://parity@rabbitmq:5672 \\",
                "      --repository-url jdbc:mysql://repo:3306/parity --threads 2",
                "", "Exit codes: 2 bad input (broker or repository unusable); after SIGTERM the JVM's 143."})
public class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", paramLabel = "AMQP_URL", defaultValue = "${env:PARITY_BROKER_URL}",
            description = "RabbitMQ broker (default: PARITY_BROKER_URL). Password in the URL or PARITY_BROKER_PASSWORD.")
    String broker;

    @Option(names = "--repository-url", paramLabel = "JDBC_URL",
            description = "The job repository the managers use (default: PARITY_REPOSITORY_URL).")
    String repositoryUrl;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = BrokerSettings.DEFAULT_QUEUE,
            description = "Queue to take partitions from (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Partitions checked at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        if (broker == null || broker.isBlank()) {
            throw ParityException.badInput("give --broker amqp://user@host:5672 or set PARITY_BROKER_URL");
        }
        if (threads < 1 || threads > 64) {
            throw ParityException.badInput("--threads: must be from 1 to 64");
        }
        BrokerSettings settings = BrokerSettings.parse(broker, queue, null, System::getenv);
        RepositorySettings repository = RepositorySettings.resolve(repositoryUrl, null).requireShared("parity worker");
        settings.check();
        PrintWriter out = spec.commandLine().getOut();
        try (ParityRuntime runtime = ParityRuntime.startWorker(repository, settings, threads)) {
            runtime.bean(PartitionRequestListener.class).onEvent(e -> out.println(Instant.now() + " " + e));
            out.println("parity worker: taking partitions from queue " + settings.queue() + " at " + settings.safeUrl()
                    + " (" + threads + " at a time); job repository " + repository.safeUrl());
            runtime.awaitClosed();
        }
        return ExitCode.CONSISTENT;
    }
}
