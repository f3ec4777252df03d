/**
 * Least privilege, stated and checked: the grants each command needs on each side ({@link
 * io.parity.privilege.PrivilegePlan}, printed by {@code parity privileges}) and the check that warns when verify's
 * account could write to the tables it compares ({@link io.parity.privilege.WriteAccess}).
 */
package io.parity.privilege;
