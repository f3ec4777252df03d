/**
 * MySQL 5.7 and later and MariaDB (its variant, by subclass where behaviour differs; what a version has beyond 5.7 in
 * {@link io.parity.engine.mysql.MySqlCapabilities}): the engine interfaces in one small class per concern, the
 * canonical {@code CONCAT_WS} encoding ({@link io.parity.engine.mysql.MySqlEncoding}) shared by server and client
 * hashing, and Connector/J's binary row packets read without per-row objects.
 */
package io.parity.engine.mysql;
