package org.netropy.io;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of an enum from the label a user types, one way for every option and spec field. */
public final class Labels {
    private Labels() {}

    /**
     * The constant whose label equals {@code text} (case and surrounding blanks ignored).
     *
     * @throws InvalidInputException "{@code field} must be one of a, b, c (got text)"
     */
    public static <E extends Enum<E>> E parse(String field, String text, E[] values, Function<E, String> label) {
        String t = text == null ? "" : text.strip();
        for (E e : values) {
            if (label.apply(e).equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new InvalidInputException(field + " must be one of "
                + Arrays.stream(values).map(label).collect(Collectors.joining(", ")) + " (got " + text + ")");
    }
}
