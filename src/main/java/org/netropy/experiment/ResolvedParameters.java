package org.netropy.experiment;

import java.util.Map;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;


/**
 * The complete, validated parameters of one run (every schema parameter has a value) plus its
 * seed. This is what is hashed, saved as {@code spec.json} and handed to {@link RunKind#run}.
 */
public final class ResolvedParameters extends OptionValues {
    private final long seed;

    /** @param values normalised values in schema order (see {@link org.netropy.options.ParameterSpec#normalise}) */
    public ResolvedParameters(Map<String, Object> values, long seed) {
        this(values, seed, null);
    }

    /** @param schema the kind's declarations (for defaults and {@link #given}), or null */
    public ResolvedParameters(Map<String, Object> values, long seed, ParameterSchema schema) {
        super(values, Naming.SPEC, schema);
        this.seed = seed;
    }

    /** The run's root seed (the spec's seed value); derive streams from it, never a global RNG. */
    public long seed() {
        return seed;
    }

    @Override
    public ResolvedParameters with(Map<String, Object> replaced) {
        Map<String, Object> v = new java.util.LinkedHashMap<>(values());
        v.putAll(replaced);
        return new ResolvedParameters(v, seed, schema());
    }

    @Override
    public ResolvedParameters withSchema(ParameterSchema other) {
        return new ResolvedParameters(values(), seed, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolvedParameters r && r.seed == seed && r.values().equals(values());
    }

    @Override
    public int hashCode() {
        return values().hashCode() * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return (super.toString() + " seed=" + seed).strip();
    }
}
