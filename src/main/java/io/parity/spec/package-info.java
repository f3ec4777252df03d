/**
 * Job specs: reading {@code jobs/*.yml}, interpolating {@code ${ENV}} and {@code password-file}, validating every field
 * with a message that names it and the fix, before anything connects.
 */
package io.parity.spec;

