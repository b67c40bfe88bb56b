package org.netropy.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered, typed parameters of a {@link RunKind}; the order is the column order of tables. */
public final class ParameterSchema {
    private final Map<String, ParameterSpec> byName;

    private ParameterSchema(List<ParameterSpec> parameters) {
        Map<String, ParameterSpec> m = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    public static ParameterSchema of(ParameterSpec... parameters) {
        return new ParameterSchema(List.of(parameters));
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
     * Refuses {@code name} set off its default in a run that would not read it ({@code used}
     * false), so that no table records a setting the computation ignored.
     *
     * @param needs what makes the run read it, e.g. "with simulate annealed, quenched or both"
     */
    public void refuseUnlessUsed(ResolvedParameters p, String name, boolean used, String needs) {
        ParameterSpec spec = byName.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + byName.keySet());
        }
        Object value = p.values().get(name);
        if (!used && !java.util.Objects.equals(value, spec.defaultFor(p.values()))) {
            throw new org.netropy.io.InvalidInputException(name + " is used only " + needs + " (it would be ignored; got "
                    + value + ", default " + spec.defaultFor(p.values()) + ")");
        }
    }
}
