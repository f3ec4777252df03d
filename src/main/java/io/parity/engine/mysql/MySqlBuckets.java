package io.parity.engine.mysql;

import io.parity.core.ChunkChecksum;
import io.parity.core.EvenBuckets;
import io.parity.core.HashAlgorithm;
import io.parity.core.KeyRange;
import io.parity.core.KeyValues;
import io.parity.engine.BucketChecksums;
import io.parity.engine.EvenBucketChecksums;
import io.parity.engine.SqlStatement;
import io.parity.engine.support.ChecksumRows;
import io.parity.engine.support.KeyPredicates;
import io.parity.schema.SideTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checksums per bucket in one scan, at split keys or at equal spans of an integer key. */
class MySqlBuckets implements BucketChecksums, EvenBucketChecksums {

    private final MySqlSql sql;
    private final MySqlEncoding encoding;

    MySqlBuckets(MySqlSql sql, MySqlEncoding encoding) {
        this.sql = sql;
        this.encoding = encoding;
    }

    /**
     * <pre>
     * SELECT `id` FROM (SELECT `id`, ROW_NUMBER() OVER (ORDER BY `id`) AS parity_rn FROM `s`.`t`
     *   WHERE `id` &gt; ? AND `id` &lt;= ?) parity_x WHERE parity_rn % ? = 0 ORDER BY `id`
     * </pre>
     */
    @Override
    public SqlStatement splitKeys(SideTable table, KeyRange range, long every) {
        List<Object> params = new ArrayList<>();
        String keys = sql.keyList(table);
        StringBuilder query = new StringBuilder("SELECT ").append(keys).append(" FROM (SELECT ").append(keys)
                .append(", ROW_NUMBER() OVER (ORDER BY ").append(keys).append(") AS parity_rn FROM ")
                .append(sql.from(table.ref()));
        sql.where(query, params, table, range, true);
        query.append(") parity_x WHERE parity_rn % ? = 0 ORDER BY ").append(keys);
        params.add(every);
        return new SqlStatement(query.toString(), params);
    }

    /**
     * <pre>
     * SELECT CASE WHEN `id` &lt;= ? THEN 0 WHEN `id` &lt;= ? THEN 1 ELSE 2 END AS parity_bucket, COUNT(*), ...
     *   FROM `s`.`t` WHERE ... GROUP BY 1
     * </pre>
     */
    @Override
    public SqlStatement bucketChecksums(SideTable table, KeyRange range, List<KeyValues> splits, HashAlgorithm hash) {
        List<Object> params = new ArrayList<>();
        List<String> keys = table.key().stream().map(c -> sql.quote(c.name())).toList();
        StringBuilder query = new StringBuilder("SELECT CASE");
        for (int i = 0; i < splits.size(); i++) {
            query.append(" WHEN ");
            KeyPredicates.append(query, params, keys, new KeyRange(null, splits.get(i)));
            query.append(" THEN ").append(i);
        }
        query.append(" ELSE ").append(splits.size()).append(" END AS parity_bucket, COUNT(*), ")
                .append(encoding.hashSums(encoding.rowEncoding(table.columns()), hash))
                .append(" FROM ").append(sql.from(table.ref()));
        sql.where(query, params, table, range, true);
        query.append(" GROUP BY 1"); // by position: a column named parity_bucket would win over the alias
        return new SqlStatement(query.toString(), params);
    }

    /**
     * <pre>
     * SELECT (`id` - ?) DIV ? AS parity_bucket, COUNT(*), ... FROM `s`.`t` WHERE `id` &gt; ? AND `id` &lt;= ?
     *   GROUP BY 1
     * </pre>
     * Measured on the benchmark: 12-20% more than the plain checksum of the same range (the GROUP BY's temporary
     * table), where a {@code CASE} over split keys costs about 30% more and needs the split keys read first.
     */
    @Override
    public SqlStatement evenBucketChecksums(SideTable table, EvenBuckets buckets, HashAlgorithm hash) {
        List<Object> params = new ArrayList<>();
        StringBuilder query = new StringBuilder("SELECT (").append(sql.quote(table.key().get(0).name()))
                .append(" - ?) DIV ? AS parity_bucket, COUNT(*), ")
                .append(encoding.hashSums(encoding.rowEncoding(table.columns()), hash))
                .append(" FROM ").append(sql.from(table.ref()));
        params.add(buckets.base());
        params.add(buckets.width());
        sql.where(query, params, table, buckets.range(), true);
        query.append(" GROUP BY 1"); // by position: a column named parity_bucket would win over the alias
        return new SqlStatement(query.toString(), params);
    }

    @Override
    public Map<Integer, ChunkChecksum> readBuckets(ResultSet rs) throws SQLException {
        return ChecksumRows.buckets(rs);
    }
}
