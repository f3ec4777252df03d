package io.parity.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a block of the spec must be written, for the one-line message when it is written otherwise: {@link #value()}
 * when the block is not a mapping, {@link #list()} when a list of such blocks is not a list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface SpecShape {

    String value();

    String list() default "";
}
