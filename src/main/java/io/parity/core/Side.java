package io.parity.core;

/** The two sides of a comparison. The source is the reference; repair direction is chosen separately. */
public enum Side {
    SOURCE, DESTINATION;

    public String label() {
        return this == SOURCE ? "source" : "destination";
    }
}
