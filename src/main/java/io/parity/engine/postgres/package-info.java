/**
 * PostgreSQL 12 and later: catalog from {@code pg_catalog}, keyset chunks, rows in the portable canonical encoding
 * ({@link io.parity.engine.support.PortableValues}) so PostgreSQL compares with itself and with MySQL or MariaDB, a
 * pushed-down checksum built from {@code md5()} (no extension needed), row hash listings, multisets for tables without
 * a key, and repair SQL with PostgreSQL's own literals.
 */
package io.parity.engine.postgres;

