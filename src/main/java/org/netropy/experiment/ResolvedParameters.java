package org.netropy.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * The complete, validated parameters of one run (every schema parameter has a value) plus its
 * seed. This is what is hashed, saved as {@code spec.json} and handed to {@link RunKind#run}.
 */
public final class ResolvedParameters {
    private final Map<String, Object> values;
    private final long seed;

    /** @param values normalised values in schema order (see {@link ParameterSpec#normalise}) */
    public ResolvedParameters(Map<String, Object> values, long seed) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.seed = seed;
    }

    /** The run's root seed (the spec's seed value); derive streams from it, never a global RNG. */
    public long seed() {
        return seed;
    }

    /** All parameter values except the seed, in schema order. */
    public Map<String, Object> values() {
        return values;
    }

    public long integer(String name) {
        return (Long) get(name, Long.class);
    }

    /** An integer parameter that must fit an int (array sizes, counts). */
    public int intValue(String name) {
        long v = integer(name);
        InvalidInputException.require(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE, name, "an integer that fits 32 bits", v);
        return (int) v;
    }

    public double number(String name) {
        return (Double) get(name, Double.class);
    }

    /** A choice or text parameter. */
    public String string(String name) {
        return (String) get(name, String.class);
    }

    public boolean flag(String name) {
        return (Boolean) get(name, Boolean.class);
    }

    private Object get(String name, Class<?> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' (have " + values.keySet() + ")");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' is a " + v.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolvedParameters r && r.seed == seed && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.append("seed=").append(seed).toString();
    }
}
