package org.netropy.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.netropy.io.InvalidInputException;

/**
 * The normalised values of an engine's declared parameters, as one caller gave them (defaults
 * filled in), with that caller's {@link Naming}: the one object an engine validates and builds
 * its computation from, whether the values came from a spec or from the command line.
 */
public class OptionValues {
    private final Map<String, Object> values;
    private final Naming naming;
    private final ParameterSchema schema;

    /**
     * @param values normalised values in schema order (see {@link ParameterSpec#normalise})
     * @param schema their declarations (for defaults), or null when unknown
     */
    public OptionValues(Map<String, Object> values, Naming naming, ParameterSchema schema) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.naming = Objects.requireNonNull(naming, "naming");
        this.schema = schema;
    }

    /** All values, in schema order. */
    public Map<String, Object> values() {
        return values;
    }

    public Naming naming() {
        return naming;
    }

    /** The caller's spelling of a key ({@code hidden} or {@code --hidden}). */
    public String field(String key) {
        return naming.name(key);
    }

    /** The declarations, or null. */
    public ParameterSchema schema() {
        return schema;
    }

    /** These values as read by another declaration (same values and naming). */
    public OptionValues withSchema(ParameterSchema other) {
        return new OptionValues(values, naming, other);
    }

    /** These values with some replaced (e.g. a named training algorithm's settings applied). */
    public OptionValues with(Map<String, Object> replaced) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.putAll(replaced);
        return new OptionValues(v, naming, schema);
    }

    public long integer(String name) {
        return (Long) get(name, Long.class);
    }

    /** An integer parameter that must fit an int (array sizes, counts). */
    public int intValue(String name) {
        long v = integer(name);
        require(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE, name, "an integer that fits 32 bits", v);
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

    /** Whether the parameter is off its (possibly per-task) default, i.e. the caller set it. */
    public boolean given(String name) {
        ParameterSpec spec = declared(name);
        return !Objects.equals(values.get(name), spec.defaultFor(values));
    }

    /** Fails with "{@code <caller's name>} must be {@code allowed} (got ...)" unless {@code ok}. */
    public void require(boolean ok, String key, String allowed, Object got) {
        InvalidInputException.require(ok, field(key), allowed, got);
    }

    /** As {@link #require(boolean, String, String, Object)}, without boxing on the hot path. */
    public void require(boolean ok, String key, String allowed, double got) {
        InvalidInputException.require(ok, field(key), allowed, got);
    }

    /** As {@link #require(boolean, String, String, Object)}, without boxing on the hot path. */
    public void require(boolean ok, String key, String allowed, long got) {
        InvalidInputException.require(ok, field(key), allowed, got);
    }

    /**
     * Refuses {@code name} set off its default in a computation that would not read it
     * ({@code used} false), so that no table records a setting the computation ignored.
     *
     * @param needs what makes the computation read it, e.g. "with task flesch"; keys in it are
     *              written as keys and are not translated
     */
    public void refuseUnlessUsed(String name, boolean used, String needs) {
        if (!used && given(name)) {
            throw new InvalidInputException(field(name) + " is used only " + needs + " (it would be ignored; got "
                    + values.get(name) + ", default " + declared(name).defaultFor(values) + ")");
        }
    }

    private ParameterSpec declared(String name) {
        ParameterSpec spec = schema == null ? null : schema.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no declared parameter '" + name + "'"
                    + (schema == null ? "" : " in " + schema.names()));
        }
        return spec;
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
        return o instanceof OptionValues r && r.getClass() == getClass() && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.toString().strip();
    }
}
