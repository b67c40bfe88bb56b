package org.netropy.experiment.kinds;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunKind;
import org.netropy.experiment.SpecLoader;
import org.netropy.io.InvalidInputException;

/**
 * Walks the parameters of a run kind: from each base (the defaults, and the defaults with one
 * choice or flag switched), every parameter is moved to other allowed values, and the run is
 * planned through {@link SpecLoader} exactly as a spec would be. A move must either change the
 * kind's {@link RunKind#resolve engine options} or be refused with a one-line error; otherwise
 * the parameter is accepted, recorded in the table and ignored.
 */
final class ParameterWalk {
    private ParameterWalk() {}

    /** Values for required parameters (no default): the smallest sensible value in range. */
    static Object requiredValue(ParameterSpec p) {
        return switch (p.type()) {
            case INTEGER -> (long) Math.max(p.min(), Math.min(p.max(), 2));
            case NUMBER -> Math.max(p.min(), Math.min(p.max(), 1.0));
            case CHOICE -> p.choices().get(0);
            case FLAG -> false;
            case TEXT -> "";
        };
    }

    /** Other allowed values of a parameter than {@code current}: every other choice, the ends of a range and neighbours. */
    static List<Object> alternatives(ParameterSpec p, Object current) {
        Set<Object> out = new LinkedHashSet<>();
        switch (p.type()) {
            case CHOICE -> out.addAll(p.choices());
            case FLAG -> out.add(!(Boolean) current);
            case TEXT -> out.add("x");
            case INTEGER -> {
                long v = (Long) current;
                for (long x : new long[] {(long) p.min(), (long) p.max(), v + 1, v - 1, v * 2}) {
                    if (x >= p.min() && x <= p.max()) {
                        out.add(x);
                    }
                }
            }
            case NUMBER -> {
                double v = (Double) current;
                for (double x : new double[] {p.min(), Math.min(p.max(), 1e3), v * 2, v / 2, v + 0.5}) {
                    if (x >= p.min() && x <= p.max() && Double.isFinite(x)) {
                        out.add(x == 0.0 ? 0.0 : x);
                    }
                }
            }
        }
        out.remove(current);
        return new ArrayList<>(out);
    }

    /** The run a spec with exactly these base values plans (throws InvalidInputException when refused). */
    static ResolvedParameters plan(RunKind kind, Map<String, Object> base) {
        StringBuilder yaml = new StringBuilder("name: walk\nkind: ").append(kind.name()).append("\nbase:\n");
        base.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(yamlScalar(v)).append('\n'));
        ExperimentSpec spec = SpecLoader.parse(Path.of("walk.yaml"), base.isEmpty() ? yaml.toString().replace("base:\n", "") : yaml.toString());
        return spec.plan(ExperimentSpec.FULL).get(0);
    }

    static String yamlScalar(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        return String.valueOf(v);
    }

    /** Bases: the defaults (with values for required parameters) and each choice or flag switched alone, where accepted. */
    static List<Map<String, Object>> bases(RunKind kind, List<Map<String, Object>> extra, Map<String, Object> overrides) {
        Map<String, Object> required = new LinkedHashMap<>();
        for (ParameterSpec p : kind.parameters().parameters()) {
            if (p.required()) {
                required.put(p.name(), requiredValue(p));
            }
        }
        List<Map<String, Object>> bases = new ArrayList<>();
        bases.add(required);
        for (ParameterSpec p : kind.parameters().parameters()) {
            if (p.type() == ParameterSpec.Type.CHOICE || p.type() == ParameterSpec.Type.FLAG) {
                Object def = p.required() ? required.get(p.name()) : p.defaultValue();
                for (Object v : alternatives(p, def)) {
                    Map<String, Object> b = new LinkedHashMap<>(required);
                    b.put(p.name(), v);
                    bases.add(b);
                }
            }
        }
        for (Map<String, Object> e : extra) {
            Map<String, Object> b = new LinkedHashMap<>(required);
            b.putAll(e);
            bases.add(b);
        }
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (Map<String, Object> b : bases) {
            Map<String, Object> over = new LinkedHashMap<>(overrides);
            over.putAll(b);
            for (Map<String, Object> candidate : List.of(over, b)) {
                try {
                    plan(kind, candidate);
                    accepted.add(candidate);
                    break;
                } catch (InvalidInputException refused) {
                    // a base the kind refuses cannot be walked from
                }
            }
        }
        return accepted;
    }

    /** Every move from every base that neither changes the options nor is refused in one line. */
    static List<String> ignored(RunKind kind, List<Map<String, Object>> extraBases, Map<String, Object> overrides) {
        List<String> offences = new ArrayList<>();
        for (Map<String, Object> base : bases(kind, extraBases, overrides)) {
            ResolvedParameters at = plan(kind, base);
            Object options = kind.resolve(at);
            for (ParameterSpec p : kind.parameters().parameters()) {
                for (Object v : alternatives(p, at.values().get(p.name()))) {
                    Map<String, Object> moved = new LinkedHashMap<>(base);
                    moved.put(p.name(), v);
                    try {
                        Object after = kind.resolve(plan(kind, moved));
                        if (sameContent(options, after)) {
                            offences.add(kind.name() + " from " + base + ": " + p.name() + " = " + v + " is accepted and ignored");
                        }
                    } catch (InvalidInputException refused) {
                        if (refused.getMessage() == null || refused.getMessage().contains("\n")) {
                            offences.add(kind.name() + " from " + base + ": " + p.name() + " = " + v + " refused without a one-line message");
                        }
                    }
                }
            }
        }
        return offences;
    }

    /**
     * Equality by content: records by component, arrays by element, project classes that define
     * equals by it, other project classes by field.
     */
    static boolean sameContent(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        Class<?> c = a.getClass();
        if (c.isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!sameContent(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!sameContent(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            for (Object k : ma.keySet()) {
                if (!sameContent(ma.get(k), mb.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (!c.isRecord() && (a instanceof Collection<?> || !c.getName().startsWith("org.netropy.") || c.isEnum() || definesEquals(c))) {
            return a.equals(b);
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    if (!sameContent(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    if (!sameContent(f.get(a), f.get(b))) {
                        return false;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return true;
    }

    private static boolean definesEquals(Class<?> c) {
        try {
            c.getDeclaredMethod("equals", Object.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
