package io.parity.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The whole logging configuration, set up in code when the first logger is asked for (logback finds it through
 * {@code META-INF/services}). Parity prints its own output; library logs go to standard error, and only when something
 * is wrong. Spring Boot does not reconfigure logging ({@link ParityRuntime}).
 *
 * <p>In code rather than in {@code logback.xml}: reading the XML file took 0.09 s of every command's start, on the
 * thread that reads the spec, before anything else could log. A file named by {@code -Dlogback.configurationFile}
 * still replaces this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.ERROR);
        // a failed step or job is reported by Parity itself, with the reason
        context.getLogger("org.springframework.batch.core.step.AbstractStep").setLevel(Level.OFF);
        context.getLogger("org.springframework.batch.core.job.AbstractJob").setLevel(Level.OFF);
        // warns, for every job built, that step-scoped components proxied by their interfaces are not searched for
        // listener annotations: Parity's have none (VerifyBatchConfiguration, VerifyBatchConfigurationTest)
        context.getLogger("org.springframework.batch.core.listener.AbstractListenerFactoryBean").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
