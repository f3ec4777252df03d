/**
 * The dialect SPI: every SQL statement Parity sends to a user database, with its quoting, value canonicalisation and
 * key handling. {@code dialect.mysql} implements it for MySQL 8 and, by subclass, MariaDB.
 */
package io.parity.dialect;
