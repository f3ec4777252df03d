package io.parity.store;

import io.parity.core.ChunkResult;
import io.parity.core.DiffKind;
import io.parity.core.KeyCodec;
import io.parity.core.RowDiff;
import io.parity.schema.SchemaFinding;
import io.parity.schema.TablePlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Parity's own result tables, kept in the job repository's database beside Spring Batch's. Chunk results are written
 * in the same transaction as the step's checkpoint, so after any crash a chunk is either recorded and past the
 * restart point, or neither: restarts never lose or double-count a chunk.
 */
public final class RunStore {

    /** Each result table with the statement that creates it, run only when the table is missing. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("PARITY_TABLE_RESULT", "CREATE TABLE IF NOT EXISTS PARITY_TABLE_RESULT (RUN_ID BIGINT NOT NULL,"
                + " TABLE_ID VARCHAR(200) NOT NULL, SOURCE_REF VARCHAR(200) NOT NULL, TARGET_REF VARCHAR(200),"
                + " COMPARABLE INT NOT NULL, KEY_COLUMNS VARCHAR(2000) NOT NULL, FINDINGS VARCHAR(8000) NOT NULL,"
                + " REASON VARCHAR(2000), PRIMARY KEY (RUN_ID, TABLE_ID))");
        TABLES.put("PARITY_CHUNK_RESULT", "CREATE TABLE IF NOT EXISTS PARITY_CHUNK_RESULT (RUN_ID BIGINT NOT NULL,"
                + " TABLE_ID VARCHAR(200) NOT NULL, CHUNK_ID VARCHAR(300) NOT NULL, SRC_ROWS BIGINT NOT NULL,"
                + " DST_ROWS BIGINT NOT NULL, MATCHED INT NOT NULL, DIFFS INT NOT NULL, MILLIS BIGINT NOT NULL,"
                + " PRIMARY KEY (RUN_ID, CHUNK_ID))");
        TABLES.put("PARITY_ROW_DIFF", "CREATE TABLE IF NOT EXISTS PARITY_ROW_DIFF (RUN_ID BIGINT NOT NULL,"
                + " TABLE_ID VARCHAR(200) NOT NULL, CHUNK_ID VARCHAR(300) NOT NULL, SEQ INT NOT NULL,"
                + " KIND VARCHAR(16) NOT NULL, ROW_KEY VARCHAR(4000) NOT NULL, COLUMNS VARCHAR(4000) NOT NULL,"
                + " PRIMARY KEY (RUN_ID, CHUNK_ID, SEQ))");
        TABLES.put("PARITY_DIFF_CHECK", "CREATE TABLE IF NOT EXISTS PARITY_DIFF_CHECK (RUN_ID BIGINT NOT NULL,"
                + " CHUNK_ID VARCHAR(300) NOT NULL, SEQ INT NOT NULL, STATUS VARCHAR(16) NOT NULL,"
                + " KIND VARCHAR(16) NOT NULL, COLUMNS VARCHAR(4000) NOT NULL, ATTEMPTS INT NOT NULL,"
                + " PRIMARY KEY (RUN_ID, CHUNK_ID, SEQ))");
        TABLES.put("PARITY_SHARD_ROWS", "CREATE TABLE IF NOT EXISTS PARITY_SHARD_ROWS (RUN_ID BIGINT NOT NULL,"
                + " TABLE_ID VARCHAR(200) NOT NULL, SHARD VARCHAR(200) NOT NULL, ROWS_READ BIGINT NOT NULL,"
                + " PRIMARY KEY (RUN_ID, TABLE_ID, SHARD))");
    }

    /** Repositories made before sharded sides record which shard holds a differing row. */
    static final String ADD_SHARD = "ALTER TABLE PARITY_ROW_DIFF ADD SHARD VARCHAR(2000)";
    static final String INSERT_SHARD_ROWS = "INSERT INTO PARITY_SHARD_ROWS (RUN_ID, TABLE_ID, SHARD, ROWS_READ)"
            + " VALUES (?, ?, ?, ?)";
    static final String SELECT_SHARD_ROWS = "SELECT TABLE_ID, SHARD, ROWS_READ FROM PARITY_SHARD_ROWS WHERE RUN_ID = ?";

    /** Repositories made before tables could be reported as not compared, with their reason, lack the column. */
    static final String ADD_REASON = "ALTER TABLE PARITY_TABLE_RESULT ADD REASON VARCHAR(2000)";
    static final String INSERT_TABLE = "INSERT INTO PARITY_TABLE_RESULT (RUN_ID, TABLE_ID, SOURCE_REF, TARGET_REF,"
            + " COMPARABLE, KEY_COLUMNS, FINDINGS, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String DELETE_TABLES = "DELETE FROM PARITY_TABLE_RESULT WHERE RUN_ID = ?";
    static final String INSERT_CHUNK = "INSERT INTO PARITY_CHUNK_RESULT (RUN_ID, TABLE_ID, CHUNK_ID, SRC_ROWS, DST_ROWS,"
            + " MATCHED, DIFFS, MILLIS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_DIFF = "INSERT INTO PARITY_ROW_DIFF (RUN_ID, TABLE_ID, CHUNK_ID, SEQ, KIND, ROW_KEY,"
            + " COLUMNS, SHARD) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_TABLES = "SELECT TABLE_ID, SOURCE_REF, TARGET_REF, COMPARABLE, KEY_COLUMNS, FINDINGS, REASON"
            + " FROM PARITY_TABLE_RESULT WHERE RUN_ID = ? ORDER BY TABLE_ID";
    static final String SELECT_CHUNK_TOTALS = "SELECT TABLE_ID, COUNT(*), SUM(SRC_ROWS), SUM(DST_ROWS),"
            + " SUM(1 - MATCHED), SUM(MILLIS) FROM PARITY_CHUNK_RESULT WHERE RUN_ID = ? GROUP BY TABLE_ID";
    static final String SELECT_MISMATCHED_CHUNKS = "SELECT TABLE_ID, CHUNK_ID FROM PARITY_CHUNK_RESULT"
            + " WHERE RUN_ID = ? AND MATCHED = 0 ORDER BY TABLE_ID, CHUNK_ID";
    static final String SELECT_CHUNKS = "SELECT TABLE_ID, CHUNK_ID, MATCHED, DIFFS FROM PARITY_CHUNK_RESULT"
            + " WHERE RUN_ID = ? ORDER BY TABLE_ID, CHUNK_ID";
    /** Ordered in Java, not by the repository: collations differ between H2, MariaDB and PostgreSQL. */
    static final String SELECT_DIFFS = "SELECT d.TABLE_ID, d.CHUNK_ID, d.SEQ, COALESCE(c.KIND, d.KIND), d.ROW_KEY,"
            + " COALESCE(c.COLUMNS, d.COLUMNS), c.STATUS, d.SHARD FROM PARITY_ROW_DIFF d LEFT JOIN PARITY_DIFF_CHECK c"
            + " ON c.RUN_ID = d.RUN_ID AND c.CHUNK_ID = d.CHUNK_ID AND c.SEQ = d.SEQ WHERE d.RUN_ID = ?";
    static final String DELETE_CHECK = "DELETE FROM PARITY_DIFF_CHECK WHERE RUN_ID = ? AND CHUNK_ID = ? AND SEQ = ?";
    static final String INSERT_CHECK = "INSERT INTO PARITY_DIFF_CHECK (RUN_ID, CHUNK_ID, SEQ, STATUS, KIND, COLUMNS,"
            + " ATTEMPTS) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final RepositoryTables existing;

    public RunStore(DataSource repository) {
        this.jdbc = new JdbcTemplate(repository);
        this.existing = new RepositoryTables(repository);
    }

    /**
     * Creates the result tables that are missing and adds columns that older repositories lack. The existing schema is
     * read from the metadata first, so a start against an up-to-date repository runs no DDL at all.
     */
    public void createTables() {
        TABLES.forEach((table, ddl) -> {
            if (!existing.hasTable(table)) {
                jdbc.execute(ddl);
            }
        });
        if (!existing.hasColumn("PARITY_TABLE_RESULT", "REASON")) {
            jdbc.execute(ADD_REASON);
        }
        if (!existing.hasColumn("PARITY_ROW_DIFF", "SHARD")) {
            jdbc.execute(ADD_SHARD);
        }
    }

    /** Records what is compared per table; replaces an earlier record of the same run (a restarted plan step). */
    public void saveTables(long runId, List<TablePlan> plans) {
        jdbc.update(DELETE_TABLES, runId);
        for (TablePlan p : plans) {
            List<String> findings = p.findings().stream().map(SchemaFinding::toString).toList();
            jdbc.update(INSERT_TABLE, runId, p.id(), p.source().ref().toString(),
                    p.destination() == null ? null : p.destination().ref().toString(), p.comparable() ? 1 : 0,
                    JSON.writeValueAsString(p.source().keyNames()), JSON.writeValueAsString(findings), p.notCompared());
        }
    }

    public void saveChunks(long runId, List<? extends ChunkResult> results) {
        List<Object[]> chunks = new ArrayList<>();
        List<Object[]> diffs = new ArrayList<>();
        List<Object[]> shardRows = new ArrayList<>();
        for (ChunkResult r : results) {
            r.shardRows().forEach((shard, rows) -> shardRows.add(new Object[] {runId, r.chunk().tableId(), shard, rows}));
            String chunkId = r.chunk().id();
            chunks.add(new Object[] {runId, r.chunk().tableId(), chunkId, r.checksums().source().rows(),
                    r.checksums().destination().rows(), r.matched() ? 1 : 0, r.diffs().size(), r.millis()});
            int seq = 0;
            for (RowDiff d : r.diffs()) {
                diffs.add(new Object[] {runId, d.tableId(), chunkId, seq++, d.kind().name(), KeyCodec.encode(d.key()),
                        JSON.writeValueAsString(d.columns()), d.shard()});
            }
        }
        jdbc.batchUpdate(INSERT_CHUNK, chunks);
        if (!diffs.isEmpty()) {
            jdbc.batchUpdate(INSERT_DIFF, diffs);
        }
        if (!shardRows.isEmpty()) {
            jdbc.batchUpdate(INSERT_SHARD_ROWS, shardRows);
        }
    }

    /** Rows read from each shard of a sharded side, per table id then shard name in the order recorded. */
    public Map<String, Map<String, Long>> shardRows(long runId) {
        Map<String, Map<String, Long>> rows = new java.util.TreeMap<>();
        jdbc.query(SELECT_SHARD_ROWS, (RowCallbackHandler) rs -> rows.computeIfAbsent(rs.getString(1),
                k -> new java.util.TreeMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum), runId);
        return rows;
    }

    public List<StoredTable> tables(long runId) {
        Map<String, long[]> totals = new HashMap<>();
        jdbc.query(SELECT_CHUNK_TOTALS, (RowCallbackHandler) rs -> totals.put(rs.getString(1), new long[] {
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}), runId);
        List<StoredTable> result = jdbc.query(SELECT_TABLES, (rs, n) -> {
            long[] t = totals.getOrDefault(rs.getString(1), new long[5]);
            return new StoredTable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                    JSON.readValue(rs.getString(5), STRINGS), JSON.readValue(rs.getString(6), STRINGS),
                    t[0], t[1], t[2], t[3], t[4], rs.getString(7));
        }, runId);
        result.sort(Comparator.comparing(StoredTable::tableId));
        return result;
    }

    /**
     * In table, chunk and discovery order. Sorted here rather than by ORDER BY because the repository's collation
     * would decide the order (MariaDB's utf8mb4_general_ci puts 'orders' before 'order_lines', H2 the reverse), and a
     * report must not depend on which database keeps the runs.
     */
    public List<StoredDiff> diffs(long runId) {
        List<StoredDiff> diffs = new ArrayList<>(jdbc.query(SELECT_DIFFS, (rs, n) -> new StoredDiff(rs.getString(1),
                rs.getString(2), rs.getInt(3), DiffKind.valueOf(rs.getString(4)), KeyCodec.decode(rs.getString(5)),
                JSON.readValue(rs.getString(6), STRINGS),
                rs.getString(7) == null ? StoredDiff.Status.FOUND : StoredDiff.Status.valueOf(rs.getString(7)),
                rs.getString(8)), runId));
        diffs.sort(Comparator.comparing(StoredDiff::tableId).thenComparing(StoredDiff::chunkId)
                .thenComparingInt(StoredDiff::seq));
        return diffs;
    }

    /** Records the outcome of re-checking one difference (replacing an earlier outcome). */
    public void saveCheck(long runId, StoredDiff diff, StoredDiff.Status status, DiffKind kind, List<String> columns,
                          int attempts) {
        jdbc.update(DELETE_CHECK, runId, diff.chunkId(), diff.seq());
        jdbc.update(INSERT_CHECK, runId, diff.chunkId(), diff.seq(), status.name(), kind.name(),
                JSON.writeValueAsString(columns), attempts);
    }

    /** Every chunk of the run in key order per table (chunk ids sort by segment, then position in it). */
    public List<StoredChunk> chunks(long runId) {
        List<StoredChunk> chunks = new ArrayList<>(jdbc.query(SELECT_CHUNKS, (rs, n) -> new StoredChunk(rs.getString(1),
                rs.getString(2), rs.getInt(3) == 1, rs.getInt(4)), runId));
        chunks.sort(Comparator.comparing(StoredChunk::tableId).thenComparing(StoredChunk::chunkId));
        return chunks;
    }

    public List<String> mismatchedChunks(long runId) {
        return jdbc.query(SELECT_MISMATCHED_CHUNKS, (rs, n) -> rs.getString(2), runId);
    }
}
