package org.netropy.io;

/**
 * Bad input from a user: an option, a file or a spec field outside its allowed values.
 *
 * <p>The message is one line that names the field and the allowed values; the command line prints
 * it without a stack trace and exits with code 2. Parameter records throw it from their compact
 * constructors so every entry point (CLI, specs, tests) validates the same way.
 */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }

    /** Fails with "{@code field} must be ... (got ...)" unless {@code ok}. */
    public static void require(boolean ok, String field, String allowed, Object got) {
        if (!ok) {
            throw new InvalidInputException(field + " must be " + allowed + " (got " + got + ")");
        }
    }

    /** As {@link #require(boolean, String, String, Object)}, without boxing a number that passes (validation loops over 2^C atoms). */
    public static void require(boolean ok, String field, String allowed, double got) {
        if (!ok) {
            require(false, field, allowed, (Object) got);
        }
    }

    /** As {@link #require(boolean, String, String, Object)}, without boxing a count that passes. */
    public static void require(boolean ok, String field, String allowed, long got) {
        if (!ok) {
            require(false, field, allowed, (Object) got);
        }
    }

    /** Requires a finite number strictly greater than zero. */
    public static double positive(String field, double value) {
        require(Double.isFinite(value) && value > 0, field, "a finite number > 0", value);
        return value;
    }

    /** Requires a finite number greater than or equal to zero. */
    public static double nonNegative(String field, double value) {
        require(Double.isFinite(value) && value >= 0, field, "a finite number >= 0", value);
        return value;
    }

    /** Requires a probability in [0, 1]. */
    public static double probability(String field, double value) {
        require(Double.isFinite(value) && value >= 0 && value <= 1, field, "a number in [0, 1]", value);
        return value;
    }

    /** Requires an integer in [min, max]. */
    public static int inRange(String field, int value, int min, int max) {
        require(value >= min && value <= max, field, "an integer in [" + min + ", " + max + "]", value);
        return value;
    }
}
