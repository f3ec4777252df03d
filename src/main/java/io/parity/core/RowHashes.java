package io.parity.core;

import java.util.List;

/**
 * One side's rows of a key range as a key-ordered listing of row hashes, with the chunk checksum they add up to. The
 * checksum is the same value the side's checksum query returns for the range (a count and exact sums of the same
 * per-row hashes), so a listing can stand in for that query: one scan yields both whether the range differs and
 * which keys do.
 *
 * @param rows     in the server's key order
 * @param checksum count and sums of {@code rows}' hashes
 * @param complete false when the listing stopped at its row limit: then it is neither the range's listing nor its
 *                 checksum, and the caller falls back to checksumming the range
 */
public record RowHashes(List<HashedRow> rows, ChunkChecksum checksum, boolean complete) {

    public RowHashes {
        rows = List.copyOf(rows);
    }
}
