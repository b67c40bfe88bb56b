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
}
