package io.parity.spec;

import io.parity.core.Side;

import java.util.List;
import java.util.Map;

/**
 * Several databases on one side of the comparison: {@code sources:} (shards merged into one destination) or
 * {@code destinations:} (one source split into several). Every row of the single side must be in exactly one shard.
 *
 * @param side     the side that is sharded, or null for the usual one-to-one comparison
 * @param shards   the shards in spec order; the first stands for the side wherever one endpoint is meant (schema
 *                 discovery, privileges, the audit bundle's identity)
 * @param disjoint the spec declares the shards' {@code where} conditions disjoint: an overlap in the data is bad input
 */
public record ShardLayout(Side side, List<ShardEndpoint> shards, boolean disjoint) {

    public ShardLayout {
        shards = List.copyOf(shards);
    }

    private static final ShardLayout NONE = new ShardLayout(null, List.of(), false);

    public static ShardLayout none() {
        return NONE;
    }

    public boolean sharded() {
        return side != null;
    }

    /**
     * One shard.
     *
     * @param name     its name in reports ({@code name:}, else {@code shard1}, {@code shard2} … in spec order)
     * @param endpoint where it is and as whom
     * @param where    SQL condition that selects its rows in every table, or null
     * @param tables   the spec's table name (as the single side names it) to this shard's name, where they differ
     * @param field    where it sits in the spec ({@code sources[1]}), for messages
     */
    public record ShardEndpoint(String name, Endpoint endpoint, String where, Map<String, String> tables, String field) {

        public ShardEndpoint {
            tables = Map.copyOf(tables);
        }
    }
}
