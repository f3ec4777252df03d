/**
 * Discovery and schema comparison: which tables a spec selects, their columns and keys on each side, the findings
 * where definitions differ, and the {@link io.parity.schema.TablePlan} that fixes what is compared.
 */
package io.parity.schema;
