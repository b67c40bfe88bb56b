package org.netropy.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * The ordered, typed parameters of one computation, declared once by the engine that owns them;
 * the order is the column order of tables. Both adapters (spec kinds and the command line)
 * resolve a caller's values through {@link #resolve}, so defaults, per-task defaults and ranges
 * are the same on both paths.
 */
public final class ParameterSchema {
    private final Map<String, ParameterSpec> byName;
    /** Old key → its new name, refused with a pointer (a spec written before the rename). */
    private final Map<String, String> renamed;

    private ParameterSchema(List<ParameterSpec> parameters) {
        this(parameters, Map.of());
    }

    private ParameterSchema(List<ParameterSpec> parameters, Map<String, String> renamed) {
        Map<String, ParameterSpec> m = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
        this.renamed = Map.copyOf(renamed);
    }

    /** This schema, refusing the old key {@code old} with "old was renamed to now" (a one-line pointer for old specs). */
    public ParameterSchema renamed(String old, String now) {
        if (!byName.containsKey(now) || byName.containsKey(old)) {
            throw new IllegalArgumentException("rename " + old + " -> " + now + " must point from an undeclared key to a declared one");
        }
        Map<String, String> r = new LinkedHashMap<>(renamed);
        r.put(old, now);
        return new ParameterSchema(parameters(), r);
    }

    /** The new name of a renamed key, or null. */
    public String renamedTo(String old) {
        return renamed.get(old);
    }

    /** "gains was renamed to activation (same values)", in the caller's naming, or null if {@code old} was not renamed. */
    public String renameNotice(String old, Naming naming) {
        String now = renamed.get(old);
        return now == null ? null : naming.name(old) + " was renamed to " + naming.name(now) + " (same values)";
    }

    private Map<String, String> renamesKept(List<ParameterSpec> kept, Map<String, String> more) {
        Map<String, String> r = new LinkedHashMap<>(renamed);
        r.putAll(more);
        r.values().removeIf(now -> kept.stream().noneMatch(p -> p.name().equals(now)));
        return r;
    }

    public static ParameterSchema of(ParameterSpec... parameters) {
        return new ParameterSchema(List.of(parameters));
    }

    public static ParameterSchema of(List<ParameterSpec> parameters) {
        return new ParameterSchema(parameters);
    }

    /** These parameters followed by {@code more} (a name declared twice is a programming error). */
    public ParameterSchema plus(List<ParameterSpec> more) {
        List<ParameterSpec> all = new ArrayList<>(byName.values());
        all.addAll(more);
        return new ParameterSchema(all, renamesKept(all, Map.of()));
    }

    /** These parameters followed by {@code more}'s (renamed keys of both kept). */
    public ParameterSchema plus(ParameterSchema more) {
        List<ParameterSpec> all = new ArrayList<>(byName.values());
        all.addAll(more.parameters());
        return new ParameterSchema(all, renamesKept(all, more.renamed));
    }

    /** These parameters without the named ones (a command that sets them itself). */
    public ParameterSchema without(String... names) {
        List<ParameterSpec> kept = new ArrayList<>(byName.values());
        for (String n : names) {
            if (!byName.containsKey(n)) {
                throw new IllegalArgumentException("no parameter '" + n + "' in " + byName.keySet());
            }
            kept.removeIf(p -> p.name().equals(n));
        }
        return new ParameterSchema(kept, renamesKept(kept, Map.of()));
    }

    public List<ParameterSpec> parameters() {
        return new ArrayList<>(byName.values());
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public ParameterSpec get(String name) {
        return byName.get(name);
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The complete values of a caller: each given value checked and normalised (errors name it as
     * {@code naming} spells it), every other parameter at its default, dependent defaults (a
     * task's recipe) chosen after the values that choose them.
     *
     * @param given key → raw value: a String from the command line ({@link ParameterSpec#parse}),
     *              or a Long, Double, String or Boolean from a spec
     * @throws InvalidInputException for an undeclared key, a value out of range, or a required
     *                               parameter left out
     */
    public OptionValues resolve(Map<String, ?> given, Naming naming) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            ParameterSpec spec = byName.get(e.getKey());
            if (spec == null && renamed.containsKey(e.getKey())) {
                throw new InvalidInputException(renameNotice(e.getKey(), naming));
            }
            if (spec == null) {
                throw new InvalidInputException("unknown parameter " + naming.name(e.getKey()) + "; known: "
                        + String.join(", ", byName.keySet().stream().map(naming::name).toList()));
            }
            String field = naming.name(e.getKey());
            Object raw = e.getValue();
            values.put(e.getKey(), raw instanceof String s && naming == Naming.CLI ? spec.parse(field, s) : spec.normalise(field, raw));
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (ParameterSpec spec : byName.values()) {
            ordered.put(spec.name(), values.containsKey(spec.name()) ? values.get(spec.name()) : spec.defaultValue());
        }
        for (ParameterSpec spec : byName.values()) {
            if (!values.containsKey(spec.name())) {
                ordered.put(spec.name(), spec.defaultFor(ordered));
            }
            if (ordered.get(spec.name()) == null) {
                throw new InvalidInputException(naming.name(spec.name()) + " is required (" + spec.allowed() + ")");
            }
        }
        return new OptionValues(ordered, naming, this);
    }

    /**
     * Refuses {@code name} set off its default in a run that would not read it ({@code used}
     * false), so that no table records a setting the computation ignored.
     *
     * @param needs what makes the run read it, e.g. "with simulate annealed, quenched or both"
     */
    public void refuseUnlessUsed(OptionValues p, String name, boolean used, String needs) {
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + byName.keySet());
        }
        p.withSchema(this).refuseUnlessUsed(name, used, needs);
    }
}
