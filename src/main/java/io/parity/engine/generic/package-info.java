/**
 * The generic JDBC engine, for engines without server-side hash functions Parity can rely on (H2 today): discovery
 * through {@link java.sql.DatabaseMetaData}, standard keyset SQL ({@code OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY}), and
 * chunk checksums computed in Java from streamed rows with the same chunk model as the pushdown engines.
 */
package io.parity.engine.generic;

