package org.netropy.experiment;

import java.util.List;

/**
 * One axis of a sweep: a parameter and the values it takes (normalised, distinct, in order).
 */
public record SweepAxis(String parameter, List<Object> values) {
    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sweep axis " + parameter + " has no values");
        }
    }
}
