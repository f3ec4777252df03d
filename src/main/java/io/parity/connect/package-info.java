/**
 * Connections to the two sides: pinned, read-only pools, engine detection, and the translation of driver errors into
 * messages that name the side and the fix.
 */
package io.parity.connect;

