package io.parity.core;

/**
 * The one unchecked exception type Parity raises on purpose. Its message is a single line meant for the user: it names
 * the thing that is wrong and, for bad input, the fix. Secrets never go into it.
 */
public class ParityException extends RuntimeException {

    private final Failure failure;

    public ParityException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public ParityException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public static ParityException badInput(String message) {
        return new ParityException(Failure.BAD_INPUT, message);
    }

    public static ParityException incomplete(String message, Throwable cause) {
        return new ParityException(Failure.INCOMPLETE, message, cause);
    }

    public Failure failure() {
        return failure;
    }
}
