package io.parity.gate;

import io.parity.core.ParityException;
import io.parity.engine.CutoverSql;
import io.parity.engine.Engine;
import io.parity.engine.ReplicationSql;

/**
 * The statements a gate may run on one side, from that side's engine. A gate that needs statements the engine does
 * not have fails with a message naming the engine, so a gate that needs none (a backup query) still runs anywhere.
 */
public final class GateSql {

    /** Parity's heartbeat table: written on the source, read on the destination. */
    public static final String HEARTBEAT_TABLE = io.parity.connect.MarkerRows.HEARTBEAT_TABLE;
    /** Parity's canary table: written on the destination, read on the source (reverse replication). */
    public static final String CANARY_TABLE = "parity_canary";

    private final Engine engine;

    GateSql(Engine engine) {
        this.engine = engine;
    }

    /** The engine family: {@code mysql} (MySQL and MariaDB) or {@code postgresql}. */
    public String family() {
        return engine.family();
    }

    public ReplicationSql replication() {
        return engine.replication().orElseThrow(() -> ParityException.badInput(engine.describe()
                + " has no replication statements; cutover gates need MySQL, MariaDB or PostgreSQL"));
    }

    public CutoverSql cutover() {
        return engine.cutover().orElseThrow(() -> ParityException.badInput(engine.describe()
                + " has no cutover statements; cutover gates need MySQL, MariaDB or PostgreSQL"));
    }
}
