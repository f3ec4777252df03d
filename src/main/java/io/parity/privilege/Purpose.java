package io.parity.privilege;

import java.util.Locale;

/** The command an account is prepared for, as {@code parity privileges --for} names it. */
public enum Purpose {
    VERIFY, REPAIR, CUTOVER;

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
