package io.parity.remote;

import com.rabbitmq.client.ConnectionFactory;
import io.parity.core.ParityException;
import io.parity.spec.Secret;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * Where manager and workers meet: a RabbitMQ broker, the queue partitions are sent to, and how long a manager waits for
 * the replies. The password comes from the URL or from {@code PARITY_BROKER_PASSWORD}; it is never printed (see
 * {@link #safeUrl()}) and never stored in the job repository.
 */
public record BrokerSettings(String host, int port, String virtualHost, String user, Secret password, String queue,
                             Duration replyTimeout) {

    public static final String DEFAULT_QUEUE = "parity.partitions";
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofHours(24);

    /** Parses {@code amqp://user[:password]@host[:port][/vhost]}; null queue or timeout means the default. */
    public static BrokerSettings parse(String url, String queue, Duration replyTimeout, Function<String, String> env) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ParityException.badInput("broker URL is malformed (" + e.getReason() + "); write it as amqp://user@host:5672");
        }
        if (!"amqp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ParityException.badInput("broker URL must look like amqp://user@host:5672, not '" + mask(url) + "'");
        }
        String user = "guest";
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String fromEnv = env.apply("PARITY_BROKER_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            password = fromEnv;
        }
        if (password == null && "guest".equals(user)) {
            password = "guest"; // RabbitMQ's out-of-the-box account, usable from localhost only
        }
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/" : decode(uri.getRawPath().substring(1));
        return new BrokerSettings(uri.getHost(), uri.getPort() < 0 ? ConnectionFactory.DEFAULT_AMQP_PORT : uri.getPort(),
                path, user, Secret.of(password),
                queue == null || queue.isBlank() ? DEFAULT_QUEUE : queue,
                replyTimeout == null ? DEFAULT_REPLY_TIMEOUT : replyTimeout);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String mask(String url) {
        return url.replaceAll("(//[^:/@]*):[^@]*@", "$1:******@");
    }

    /** The broker as a URL without the password, for messages. */
    public String safeUrl() {
        return "amqp://" + user + (password.isEmpty() ? "" : ":******") + "@" + host + ":" + port
                + ("/".equals(virtualHost) ? "" : "/" + virtualHost);
    }

    CachingConnectionFactory connectionFactory(String connectionName) {
        CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
        factory.setUsername(user);
        factory.setPassword(password.reveal());
        factory.setVirtualHost(virtualHost);
        factory.setConnectionNameStrategy(f -> connectionName);
        return factory;
    }

    /** Connects once, so that a wrong URL or password is reported before a run is created. */
    public void check() {
        CachingConnectionFactory factory = connectionFactory("parity-check");
        try {
            factory.createConnection().close();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw ParityException.badInput("broker " + safeUrl() + " cannot be used (" + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse(""))
                    + "); check the URL and PARITY_BROKER_PASSWORD");
        } finally {
            factory.destroy();
        }
    }

    @Override
    public String toString() {
        return safeUrl() + " queue " + queue;
    }
}
