package io.parity.core;

import java.util.function.Function;

/**
 * One value per side of a comparison: the source's and the destination's checksums, listings, row images or
 * connections. Immutable as far as its values are.
 */
public record Sides<T>(T source, T destination) {

    /** The value of {@code side}. */
    public T get(Side side) {
        return side == Side.SOURCE ? source : destination;
    }

    /** Both values mapped by {@code f}, source first. */
    public <R> Sides<R> map(Function<? super T, ? extends R> f) {
        R s = f.apply(source);
        return new Sides<>(s, f.apply(destination));
    }
}
