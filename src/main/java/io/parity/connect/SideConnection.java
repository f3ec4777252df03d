package io.parity.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.engine.Engine;
import io.parity.engine.Engines;
import io.parity.spec.Endpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A read-only connection pool to one side with its detected engine. Every connection is pinned by the engine's
 * session setup (time zone, character set, sql_mode) and set read-only, so verify cannot write even by mistake.
 */
public final class SideConnection implements AutoCloseable {

    private final Side side;
    private final Endpoint endpoint;
    private final HikariDataSource dataSource;
    private final Engine engine;

    private SideConnection(Side side, Endpoint endpoint, HikariDataSource dataSource, Engine engine) {
        this.side = side;
        this.endpoint = endpoint;
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** Connects, detects the engine and pins sessions; connection problems become one-line bad-input errors. */
    public static SideConnection open(Side side, Endpoint endpoint, int poolSize) {
        return open(side, endpoint, poolSize, true, java.time.Duration.ofSeconds(30));
    }

    /** A read-only pool whose reads wait at most {@code lockWait} for a metadata lock. */
    public static SideConnection open(Side side, Endpoint endpoint, int poolSize, java.time.Duration lockWait) {
        return open(side, endpoint, poolSize, true, lockWait);
    }

    /**
     * A pool that may write, for applying a repair only: not read-only and not pinned by the verify session setup;
     * the repair applier pins each session with the repair file's own header.
     */
    public static SideConnection openWritable(Side side, Endpoint endpoint) {
        return open(side, endpoint, 1, false, null);
    }

    private static SideConnection open(Side side, Endpoint endpoint, int poolSize, boolean readOnly,
                                       java.time.Duration lockWait) {
        HikariDataSource probe = pool(side, endpoint, 1, null, false, Map.of());
        Engine engine;
        try (probe; Connection c = probe.getConnection()) {
            engine = Engines.detect(c, side.label());
        } catch (SQLException e) {
            throw ConnectionErrors.onConnect(side, endpoint, e);
        }
        HikariDataSource pool = readOnly
                ? pool(side, endpoint, poolSize, engine.session().readSession(lockWait).orElse(null), true,
                        engine.session().readPoolProperties())
                : pool(side, endpoint, poolSize, null, false, Map.of());
        return new SideConnection(side, endpoint, pool, engine);
    }

    private static HikariDataSource pool(Side side, Endpoint endpoint, int size, String initSql, boolean readOnly,
                                         Map<String, String> engineProperties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parity-" + side.label() + (readOnly ? "" : "-writer"));
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password().reveal());
        config.setMaximumPoolSize(size);
        // One connection wanted idle while the pool starts: its start-up check (initializationFailTimeout) connects
        // once to report a wrong password or an unreachable server at once, and with no idle connection wanted it
        // closes that one again, so the first query opened a second. Each connection is round trips (TCP,
        // authentication, the driver's and the session's setup queries: about seven for MySQL and MariaDB), paid again
        // for nothing, twice a side with the engine's probe; across a 10 ms link, 0.14 s of every run's start. Set
        // back to none once started (below): kept at one, the pool would open another connection in the background
        // whenever every connection is in use, up to its maximum.
        config.setMinimumIdle(1);
        config.setReadOnly(readOnly);
        config.setAutoCommit(true);
        config.setConnectionTimeout(5_000); // the pool is sized for the run: a wait means the server is unreachable
        config.setInitializationFailTimeout(1);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        Properties props = new Properties();
        if (endpoint.url().startsWith("jdbc:postgresql:")) {
            props.setProperty("connectTimeout", "5"); // seconds
            props.setProperty("socketTimeout", "0");
        } else {
            props.setProperty("connectTimeout", "5000"); // milliseconds
            props.setProperty("characterEncoding", "UTF-8");
            props.setProperty("tinyInt1isBit", "false");
            props.setProperty("yearIsDateType", "false");
            props.setProperty("zeroDateTimeBehavior", "convertToNull");
        }
        TlsProperties.of(endpoint).forEach(props::setProperty);
        engineProperties.forEach(props::setProperty);
        config.setDataSourceProperties(props);
        try {
            HikariDataSource started = new HikariDataSource(config);
            started.getHikariConfigMXBean().setMinimumIdle(0); // the start-up check's connection stays, idle
            return started;
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw ConnectionErrors.onConnect(side, endpoint, sql);
            }
            throw ParityException.badInput(side.label() + ": cannot connect to " + endpoint.safeUrl() + " ("
                    + e.getCause() + "); check " + side.label() + ".url");
        } catch (RuntimeException e) {
            throw ParityException.badInput(side.label() + ": cannot use " + endpoint.safeUrl() + " (" + e.getMessage()
                    + "); check " + side.label() + ".url");
        }
    }

    /**
     * The same pool with another view of its engine (its portable encoding, to compare with another engine). Both
     * share the pool: close only one of them.
     */
    public SideConnection withEngine(Engine other) {
        return new SideConnection(side, endpoint, dataSource, other);
    }

    public Side side() {
        return side;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Engine engine() {
        return engine;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The most connections this side's pool opens at once. */
    public int poolSize() {
        return dataSource.getMaximumPoolSize();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
