package org.netropy.options;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netropy.io.InvalidInputException;

/**
 * One typed parameter of an engine's computation: its name, type, allowed values, default and
 * meaning, declared once and read by the spec kinds and the command line alike.
 *
 * <p>Values are normalised on the way in so that the same setting always hashes the same:
 * integers become {@code Long}, numbers {@code Double}, choices and text {@code String}, flags
 * {@code Boolean}. Build instances with the factories ({@link #integer}, {@link #number},
 * {@link #choice}, {@link #flag}, {@link #text}); a {@code null} default means "required".
 *
 * @param name         the key used in specs and tables (lower_snake_case)
 * @param type         the value type
 * @param min          smallest allowed value (numbers and integers; inclusive)
 * @param max          largest allowed value (numbers and integers; inclusive)
 * @param choices      allowed values of a {@link Type#CHOICE}, otherwise empty
 * @param defaultValue the value used when a spec does not set it, or null when required
 * @param description  one line for users (shown by {@code netropy run --list-kinds} and in {@code --help})
 * @param defaultsBy   defaults that depend on another parameter's value (a per-task training
 *                     recipe: the Flesch network's learning rate differs from the mean-field one),
 *                     or null; the plain default applies to values the map does not list
 */
public record ParameterSpec(String name, Type type, double min, double max, List<String> choices,
                            Object defaultValue, String description, DependentDefault defaultsBy) {

    /**
     * A default chosen by the value of another parameter.
     *
     * @param parameter the parameter whose value chooses, e.g. "task"
     * @param values    its value → this parameter's default (normalised)
     */
    public record DependentDefault(String parameter, Map<String, Object> values) {
        public DependentDefault {
            Objects.requireNonNull(parameter, "parameter");
            values = Map.copyOf(values);
        }
    }

    public ParameterSpec(String name, Type type, double min, double max, List<String> choices, Object defaultValue,
                         String description) {
        this(name, type, min, max, choices, defaultValue, description, null);
    }

    /** Parameter types a spec can hold. */
    public enum Type { INTEGER, NUMBER, CHOICE, FLAG, TEXT }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*") || name.equals("seed")) {
            throw new IllegalArgumentException("parameter name must be lower_snake_case and not 'seed' (got " + name + ")");
        }
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        if (defaultValue != null) {
            defaultValue = normaliseOrThrow(name, type, min, max, choices, defaultValue);
        }
        if (defaultsBy != null) {
            Map<String, Object> normalised = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> e : defaultsBy.values().entrySet()) {
                normalised.put(e.getKey(), normaliseOrThrow(name, type, min, max, choices, e.getValue()));
            }
            defaultsBy = new DependentDefault(defaultsBy.parameter(), normalised);
        }
    }

    /** This parameter with defaults chosen by {@code parameter}'s value ({@code values}: that value → default). */
    public ParameterSpec withDefaultsBy(String parameter, Map<String, Object> values) {
        return new ParameterSpec(name, type, min, max, choices, defaultValue, description, new DependentDefault(parameter, values));
    }

    /** The default for a run whose other parameters are {@code values} (the plain default unless a dependent one applies). */
    public Object defaultFor(Map<String, Object> values) {
        if (defaultsBy != null) {
            Object chooser = values.get(defaultsBy.parameter());
            if (chooser != null && defaultsBy.values().containsKey(chooser.toString())) {
                return defaultsBy.values().get(chooser.toString());
            }
        }
        return defaultValue;
    }

    /** "default 0.05 (flesch: 0.005)" for help texts. */
    public String defaultText() {
        if (required()) {
            return "required";
        }
        String plain = "default " + defaultValue;
        if (defaultsBy == null) {
            return plain;
        }
        StringBuilder b = new StringBuilder(plain).append(" (");
        defaultsBy.values().forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ")
                .append(defaultsBy.parameter()).append(' ').append(k).append(": ").append(v));
        return b.append(')').toString();
    }

    /** An integer in [min, max]. */
    public static ParameterSpec integer(String name, long min, long max, Long defaultValue, String description) {
        return new ParameterSpec(name, Type.INTEGER, min, max, List.of(), defaultValue, description);
    }

    /** A finite number in [min, max] (use ±Double.MAX_VALUE for an open end). */
    public static ParameterSpec number(String name, double min, double max, Double defaultValue, String description) {
        return new ParameterSpec(name, Type.NUMBER, min, max, List.of(), defaultValue, description);
    }

    /** One of the listed strings. */
    public static ParameterSpec choice(String name, List<String> choices, String defaultValue, String description) {
        return new ParameterSpec(name, Type.CHOICE, 0, 0, choices, defaultValue, description);
    }

    /** true or false. */
    public static ParameterSpec flag(String name, Boolean defaultValue, String description) {
        return new ParameterSpec(name, Type.FLAG, 0, 0, List.of(), defaultValue, description);
    }

    /** Free text, e.g. a task matrix "1,0;0,1" that the kind parses itself. */
    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Type.TEXT, 0, 0, List.of(), defaultValue, description);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** "an integer in [1, 100]", "one of rich, lazy", ... for error messages and docs. */
    public String allowed() {
        return allowed(type, min, max, choices);
    }

    /**
     * Checks and normalises a raw value from a spec (Long, Double, String, Boolean).
     *
     * @param field the full field name for the error message, e.g. "variants.quick.base.sigma"
     * @throws InvalidInputException naming the field and the allowed values
     */
    public Object normalise(String field, Object raw) {
        return normaliseOrThrow(field, type, min, max, choices, raw);
    }

    /**
     * Checks and normalises a value typed on the command line: numbers and integers are parsed,
     * {@code true}/{@code false} read as flags, then {@link #normalise} applies.
     *
     * @param field the option as the user wrote it, e.g. "--hidden"
     */
    public Object parse(String field, String text) {
        String t = text.strip();
        Object raw = switch (type) {
            case INTEGER -> {
                try {
                    yield Long.parseLong(t);
                } catch (NumberFormatException e) {
                    yield t;
                }
            }
            case NUMBER -> t;
            case FLAG -> t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : t;
            default -> text;
        };
        return normalise(field, raw);
    }

    private static String allowed(Type type, double min, double max, List<String> choices) {
        return switch (type) {
            case INTEGER -> "an integer in [" + bound((long) min) + ", " + bound((long) max) + "]";
            case NUMBER -> "a finite number in [" + bound(min) + ", " + bound(max) + "]";
            case CHOICE -> "one of " + String.join(", ", choices);
            case FLAG -> "true or false";
            case TEXT -> "a text value";
        };
    }

    private static String bound(long x) {
        return x == Long.MAX_VALUE ? "inf" : x == Long.MIN_VALUE ? "-inf" : Long.toString(x);
    }

    private static String bound(double x) {
        if (x >= Double.MAX_VALUE) {
            return "inf";
        }
        if (x <= -Double.MAX_VALUE) {
            return "-inf";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static Object normaliseOrThrow(String field, Type type, double min, double max, List<String> choices, Object raw) {
        String allowed = allowed(type, min, max, choices);
        Object got = raw instanceof String s ? "'" + s + "'" : raw;
        switch (type) {
            case INTEGER -> {
                Long v = null;
                if (raw instanceof Long l) {
                    v = l;
                } else if (raw instanceof Integer i) {
                    v = i.longValue();
                } else if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15) {
                    v = d.longValue();
                }
                InvalidInputException.require(v != null && v >= min && v <= max, field, allowed, got);
                return v;
            }
            case NUMBER -> {
                Double v = null;
                if (raw instanceof Number n) {
                    v = n.doubleValue();
                } else if (raw instanceof String s) {
                    try {
                        v = Double.parseDouble(s.strip()); // YAML 1.1 reads 1e-3 (no dot) as text
                    } catch (NumberFormatException e) {
                        v = null;
                    }
                }
                InvalidInputException.require(v != null && Double.isFinite(v) && v >= min && v <= max, field, allowed, got);
                return v == 0.0 ? 0.0 : v; // one zero: -0.0 and 0.0 must hash the same
            }
            case CHOICE -> {
                InvalidInputException.require(raw instanceof String s && choices.contains(s), field, allowed, got);
                return raw;
            }
            case FLAG -> {
                InvalidInputException.require(raw instanceof Boolean, field, allowed, got);
                return raw;
            }
            case TEXT -> {
                InvalidInputException.require(raw instanceof String || raw instanceof Number, field, allowed, got);
                return raw.toString();
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }
}
