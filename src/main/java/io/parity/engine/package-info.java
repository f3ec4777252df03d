/**
 * The engine interfaces, small and by concern: {@link io.parity.engine.SessionSetup}, {@link io.parity.engine.Catalog},
 * {@link io.parity.engine.ChunkQueries}, {@link io.parity.engine.ChecksumQueries}, {@link io.parity.engine.RowQueries},
 * {@link io.parity.engine.RepairSql}, {@link io.parity.engine.ReplicationSql} and {@link io.parity.engine.CutoverSql},
 * gathered by {@link io.parity.engine.Engine}. All SQL text Parity runs against a user database comes from here.
 * Capabilities an engine may lack are {@code Optional}s, never flags to test: callers take an implementation or pick
 * another strategy. {@code support} holds the JDBC code the engines share; {@code mysql} (MariaDB extends MySQL) and
 * {@code generic} (any standard-SQL JDBC database, used for H2) implement them.
 */
package io.parity.engine;

