package io.parity.batch;

/** Names of the entries Parity keeps in step execution contexts. Values are short strings: the context is a TEXT column. */
final class PartitionKeys {

    static final String TABLE = "parity.table";
    static final String SEGMENT = "parity.segment";
    static final String SEGMENT_LOWER = "parity.segment.lower";
    static final String SEGMENT_UPPER = "parity.segment.upper";
    static final String LAST_ORDINAL = "parity.last.ordinal";
    static final String LAST_UPPER = "parity.last.upper";
    static final String DONE = "parity.done";

    private PartitionKeys() {
    }
}
