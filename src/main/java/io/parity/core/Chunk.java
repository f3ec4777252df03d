package io.parity.core;

/**
 * The unit of checking, restart and reporting: one key range of one table. Its id orders chunks as the walk produced
 * them and stays the same when a run is restarted, so checkpoints, reports and re-checks all speak of the same thing.
 *
 * @param tableId table plan id ({@code schema.table})
 * @param segment partition segment within the table, from 0
 * @param ordinal position within the segment, from 0
 * @param range   keys covered
 */
public record Chunk(String tableId, int segment, int ordinal, KeyRange range) {

    public String id() {
        return String.format("%s#%03d.%06d", tableId, segment, ordinal);
    }
}
