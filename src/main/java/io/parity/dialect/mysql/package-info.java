/** MySQL 8 and MariaDB (a subclass): SQL, catalog queries and canonical encodings. */
package io.parity.dialect.mysql;
