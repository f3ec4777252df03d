/**
 * JDBC code the engines share, written once: {@link io.parity.engine.support.StandardSql} (quoting, keyset range
 * predicates, the index walk, reads by key), {@link io.parity.engine.support.KeyReader} (keys that bind back exactly)
 * and {@link io.parity.engine.support.ChecksumRows} (exact sums of aggregate checksum rows). MySQL, MariaDB and the
 * generic engine build on them.
 */
package io.parity.engine.support;

