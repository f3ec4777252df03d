package io.parity.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The spec as written, bound from the YAML by Jackson: these records fix which keys each block has (an unknown key is
 * a problem named by its path) and how blocks nest. Scalars stay text here; {@link SpecValidator} turns them into
 * typed values with messages that name the field and the fix.
 */
@SpecShape("not a YAML mapping; a spec starts with keys such as 'source:', 'destination:', 'tables:'")
record SpecDocument(String name, EndpointDocument source, EndpointDocument destination, List<TableDocument> tables,
                    OptionsDocument options, EndpointDocument repository, WorkersDocument workers,
                    CutoverDocument cutover, String schedule, ReportDocument report, List<ShardDocument> sources,
                    List<ShardDocument> destinations, ShardsDocument shards) {

    @SpecShape(value = "must be a mapping with url, user and password, and optionally name, where and tables",
            list = "must be a list of shards, each a mapping with url, user and password")
    record ShardDocument(String name, String url, String user, String password,
                         @JsonProperty("password-file") String passwordFile, TlsDocument tls, String where,
                         Map<String, String> tables) {

        EndpointDocument endpoint() {
            return new EndpointDocument(url, user, password, passwordFile, tls);
        }
    }

    @SpecShape("must be a mapping such as 'shards: { disjoint: true }'")
    record ShardsDocument(String disjoint) {
    }

    @SpecShape("must be a mapping with url, user and password")
    record EndpointDocument(String url, String user, String password,
                            @JsonProperty("password-file") String passwordFile, TlsDocument tls) {
    }

    @SpecShape("must be a mapping such as 'tls: { mode: verify-full, ca-file: ca.pem }'")
    record TlsDocument(String mode, @JsonProperty("ca-file") String caFile, @JsonProperty("cert-file") String certFile,
                       @JsonProperty("key-file") String keyFile) {
    }

    @SpecShape(value = "must be a table name or a mapping with 'name:' or 'include:'",
            list = "must be a non-empty list of '- name: schema.table' or '- include: \"schema.*\"' entries")
    record TableDocument(String name, String include, List<String> exclude, String target, ColumnsDocument columns,
                         WhereDocument where, List<String> key) {

        /** {@code - shop.orders}: a table named by itself. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static TableDocument named(String name) {
            return new TableDocument(name, null, null, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        TableDocument {
        }
    }

    @SpecShape("must be a mapping such as 'columns: { ignore: [updated_at], map: { old_name: new_name }, mask: [email] }'")
    record ColumnsDocument(List<String> ignore, Map<String, String> map, List<String> mask) {
    }

    @SpecShape("must be a mapping such as 'report: { samples: masked, mask-key-file: /run/secrets/mask-key }'")
    record ReportDocument(String samples, @JsonProperty("mask-key-file") String maskKeyFile) {
    }

    @SpecShape("must be an SQL condition, or a mapping such as 'where: { source: \"region = 1\", destination: \"true\" }'")
    record WhereDocument(String source, String destination, boolean both) {

        /** {@code where: "…"}: the same condition on both sides. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static WhereDocument both(String condition) {
            return new WhereDocument(condition, condition, true);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static WhereDocument perSide(@JsonProperty("source") String source,
                                     @JsonProperty("destination") String destination) {
            return new WhereDocument(source, destination, false);
        }
    }

    @SpecShape("must be a mapping such as 'options: { chunk-rows: 10000, parallelism: 2 }'")
    record OptionsDocument(@JsonProperty("chunk-rows") String chunkRows, @JsonProperty("chunk-time") String chunkTime,
                           String hashing, String reconcile, String boundaries, String parallelism, String hash,
                           RecheckDocument recheck, RetryDocument retry, ThrottleDocument throttle,
                           @JsonProperty("lock-wait-timeout") String lockWaitTimeout, String fence,
                           @JsonProperty("fence-timeout") String fenceTimeout) {
    }

    @SpecShape("must be a mapping such as { attempts: 2, delay: 5s, multiplier: 2, max-wait: 2m }")
    record RecheckDocument(String attempts, String delay, String multiplier,
                           @JsonProperty("max-wait") String maxWait) {
    }

    @SpecShape("must be a mapping such as { attempts: 3, delay: 1s }")
    record RetryDocument(String attempts, String delay) {
    }

    @SpecShape("must be a mapping such as { threads-running: 40, replica-lag: 10s, rows-per-second: 50000 }")
    record ThrottleDocument(@JsonProperty("threads-running") String threadsRunning,
                            @JsonProperty("replica-lag") String replicaLag,
                            @JsonProperty("rows-per-second") String rowsPerSecond, List<String> replicas,
                            @JsonProperty("stopped-replica-wait") String stoppedReplicaWait) {
    }

    @SpecShape("must be a mapping such as 'workers: { broker: \"amqp://parity:${BROKER_PASSWORD}@rabbitmq\" }'")
    record WorkersDocument(String broker, String queue, String timeout) {
    }

    /** Steps stay mappings: which keys a step has depends on its gate, checked against {@link GateDeclarations}. */
    @SpecShape("must be a mapping with 'steps:' (and optionally 'heartbeat:', 'max-pause-age:' and 'rollback:')")
    record CutoverDocument(HeartbeatDocument heartbeat, List<Object> steps,
                           @JsonProperty("max-pause-age") String maxPauseAge, List<Object> rollback) {
    }

    @SpecShape("must be a mapping such as '{schema: parity, gtid-domain-id: 99}'")
    record HeartbeatDocument(String schema, String id, @JsonProperty("gtid-domain-id") String gtidDomainId) {
    }
}
