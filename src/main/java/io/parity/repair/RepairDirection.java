package io.parity.repair;

import io.parity.core.ParityException;
import io.parity.core.Side;

import java.util.Locale;

/** Which side is made equal to the other. */
public enum RepairDirection {
    /** Make the destination equal to the source: the usual repair before cutover. */
    TO_DESTINATION(Side.SOURCE, Side.DESTINATION),
    /** Make the source equal to the destination: after a misoperation wrote to the source after the switch. */
    TO_SOURCE(Side.DESTINATION, Side.SOURCE);

    private final Side from;
    private final Side target;

    RepairDirection(Side from, Side target) {
        this.from = from;
        this.target = target;
    }

    public Side from() {
        return from;
    }

    public Side target() {
        return target;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RepairDirection parse(String text) {
        for (RepairDirection d : values()) {
            if (d.label().equalsIgnoreCase(text.trim())) {
                return d;
            }
        }
        throw ParityException.badInput("--direction: '" + text + "' is not a direction; use to-destination or to-source");
    }
}
