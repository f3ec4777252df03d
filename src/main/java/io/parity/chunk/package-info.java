/**
 * Key ranges and chunks: the immutable values that describe which rows a unit of work covers, and the keyset walk that
 * splits a table into chunks of about {@code chunk-rows} rows however uneven its key values are.
 */
package io.parity.chunk;
