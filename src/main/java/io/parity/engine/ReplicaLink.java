package io.parity.engine;

/**
 * How a replica replicates, as its replica status reports it: the source's host, port, server id and (MySQL) UUID, and
 * whether it receives and applies changes now.
 *
 * @param sourceUuid null where the engine reports none (MariaDB)
 * @param receiving  the I/O thread runs
 * @param applying   the SQL thread runs: changes still arrive on the replica while it does
 * @param sourceSlot the publisher's replication slot a PostgreSQL logical subscription reads from; null otherwise
 */
public record ReplicaLink(String sourceHost, int sourcePort, long sourceServerId, String sourceUuid, boolean receiving,
                          boolean applying, String sourceSlot) {

    public ReplicaLink(String sourceHost, int sourcePort, long sourceServerId, String sourceUuid, boolean receiving,
                       boolean applying) {
        this(sourceHost, sourcePort, sourceServerId, sourceUuid, receiving, applying, null);
    }

    /**
     * Whether this link comes from the server with this identity. Host names do not decide (127.0.0.1, localhost, a
     * proxy and a DNS name all reach one server); the server id does, and the UUID too where both have one.
     */
    public boolean from(ServerIdentity server) {
        if (sourceServerId != server.serverId()) {
            return false;
        }
        return sourceUuid == null || server.uuid() == null || sourceUuid.equalsIgnoreCase(server.uuid());
    }

    /** A server's replication identity: its {@code server_id} and, on MySQL, its {@code server_uuid}. */
    public record ServerIdentity(long serverId, String uuid) {
    }
}
