package io.parity.serve;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.parity.core.ParityException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of {@code parity serve}, on the JDK's built-in server: {@code /} the page, {@code /api/jobs} the same
 * as JSON, {@code /metrics} the Prometheus scrape, {@code /reports/...} the report directory (read-only, nothing
 * outside it, and not the repair and undo SQL, which hold whole rows). Only GET; it changes nothing. With
 * {@link ServeProtection} every path, {@code /metrics} included, needs credentials ({@link ServeAuthenticator}) and the
 * server speaks HTTPS; every answer carries {@link SecurityHeaders}.
 */
public final class ServeHttp implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "json", "application/json", "jsonl", "application/x-ndjson", "md", "text/markdown; charset=utf-8",
            "xml", "application/xml", "png", "image/png");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final JobBoard board;
    private final ServeMetrics metrics;
    private final Path reportDir;

    private ServeHttp(HttpServer server, JobBoard board, ServeMetrics metrics, Path reportDir) {
        this.server = server;
        this.board = board;
        this.metrics = metrics;
        this.reportDir = reportDir.toAbsolutePath().normalize();
    }

    /** @param port 0 for any free port (see {@link #port()}) */
    public static ServeHttp start(String bind, int port, ServeProtection protection, JobBoard board,
                                  ServeMetrics metrics, Path reportDir) {
        HttpServer server;
        try {
            InetSocketAddress address = new InetSocketAddress(bind, port);
            if (protection.tls() == null) {
                server = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(protection.tls()));
                server = https;
            }
        } catch (IOException e) {
            throw ParityException.badInput("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another --port or --bind");
        }
        ServeHttp http = new ServeHttp(server, board, metrics, reportDir);
        HttpContext context = server.createContext("/", http::handle);
        context.getFilters().add(new SecurityHeaders(protection.tls() != null));
        if (protection.credentials().any()) {
            context.setAuthenticator(new ServeAuthenticator(protection.credentials()));
        }
        server.setExecutor(http.threads);
        server.start();
        return http;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/")) {
                send(exchange, 200, TYPES.get("html"), utf8(ServePage.render(board.jobs(), Instant.now())));
            } else if (path.equals("/api/jobs")) {
                send(exchange, 200, "application/json", utf8(JSON.writeValueAsString(Map.of("jobs", board.jobs()))));
            } else if (path.equals("/metrics")) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", utf8(metrics.scrape()));
            } else if (path.startsWith("/reports/")) {
                report(exchange, path.substring("/reports/".length()));
            } else {
                send(exchange, 404, "text/plain", utf8("not found: " + path + "\n"));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", utf8(e + "\n"));
        }
    }

    private void report(HttpExchange exchange, String relative) throws IOException {
        Path file = reportDir.resolve(relative).normalize();
        if (!file.startsWith(reportDir) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", utf8("no such report file\n"));
            return;
        }
        String name = file.getFileName().toString();
        if (fullRows(reportDir.relativize(file))) {
            send(exchange, 403, "text/plain", utf8("repair and undo files hold whole rows and are not served; read them"
                    + " on the host\n"));
            return;
        }
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        send(exchange, 200, type, Files.readAllBytes(file));
    }

    /** Repair and undo SQL (and their progress) carry full row values whatever the report masks: never served. */
    static boolean fullRows(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("repair") || part.toString().equals("undo")) {
                return true;
            }
        }
        return relative.getFileName().toString().endsWith(".sql");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops accepting requests, giving those in flight a second. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
    }
}
