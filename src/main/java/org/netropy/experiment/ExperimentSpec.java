package org.netropy.experiment;

import org.netropy.options.ParameterSpec;
import org.netropy.options.ParameterSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * A validated experiment spec: a run kind, base parameters, sweep axes, seeds, named variants
 * (changes to the base, such as the small {@code quick} variant the tests run) and figures.
 * Load one with {@link SpecLoader#load}; {@link #plan} expands a variant into its runs.
 *
 * @param source      the YAML file (for messages)
 * @param name        experiment name, equal to the file name without .yaml
 * @param kind        the run kind
 * @param description what the experiment shows
 * @param figures     figures drawn from its table
 * @param claims      claims decided from its table (see {@link ClaimSpec})
 * @param base        parameter values shared by every run
 * @param sweep       axes of the full sweep, outermost first
 * @param seeds       seeds of the full sweep
 * @param variants    named changes to base, sweep and seeds
 */
public record ExperimentSpec(Path source, String name, RunKind kind, String description, List<FigureSpec> figures,
                             List<ClaimSpec> claims, Map<String, Object> base, List<SweepAxis> sweep, List<Long> seeds,
                             Map<String, Variant> variants) {

    /** The name of the sweep without changes. */
    public static final String FULL = "full";

    /**
     * Named changes to a spec. A base value here fixes a parameter even if the spec sweeps it;
     * a sweep axis here replaces the spec's axis of that parameter (or its base value).
     *
     * @param seeds replacement seeds, or null to keep the spec's
     * @param claims claims that replace the spec's claim of the same id, or add to them
     */
    public record Variant(String name, String description, Map<String, Object> base, List<SweepAxis> sweep, List<Long> seeds,
                          List<ClaimSpec> claims) {
        public Variant {
            claims = List.copyOf(claims);
            base = Map.copyOf(base);
            sweep = List.copyOf(sweep);
            seeds = seeds == null ? null : List.copyOf(seeds);
        }
    }

    public ExperimentSpec {
        figures = List.copyOf(figures);
        claims = List.copyOf(claims);
        base = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(base));
        sweep = List.copyOf(sweep);
        seeds = List.copyOf(seeds);
        variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    /** Every runnable variant name: "full" and the named variants. */
    public List<String> variantNames() {
        List<String> names = new ArrayList<>();
        names.add(FULL);
        names.addAll(variants.keySet());
        return names;
    }

    /**
     * The claims of a variant: the spec's, with the variant's replacing those of the same id and
     * its new ones appended.
     */
    public List<ClaimSpec> claims(String variant) {
        Variant v = FULL.equals(variant) ? null : variants.get(variant);
        if (v == null) {
            return claims;
        }
        Map<String, ClaimSpec> byId = new LinkedHashMap<>();
        claims.forEach(c -> byId.put(c.id(), c));
        v.claims().forEach(c -> byId.put(c.id(), c));
        return List.copyOf(byId.values());
    }

    /**
     * The values of each sweep axis of a variant in the order the spec lists them, as text: the
     * order a categorical figure axis keeps (after the figure's labels).
     */
    public Map<String, List<String>> sweepOrder(String variant) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SweepAxis a : sweep) {
            out.put(a.parameter(), a.values().stream().map(String::valueOf).toList());
        }
        Variant v = FULL.equals(variant) ? null : variants.get(variant);
        if (v != null) {
            v.base().keySet().forEach(out::remove);
            for (SweepAxis a : v.sweep()) {
                out.put(a.parameter(), a.values().stream().map(String::valueOf).toList());
            }
        }
        return out;
    }

    /**
     * Expands a variant into its runs: the cartesian product of the sweep axes (first axis
     * outermost) with the seeds innermost.
     *
     * @param variant {@link #FULL} or a variant name
     */
    public List<ResolvedParameters> plan(String variant) {
        List<Long> runSeeds = seeds;
        Map<String, Object> values = new LinkedHashMap<>(base);
        Map<String, SweepAxis> axes = new LinkedHashMap<>();
        for (SweepAxis a : sweep) {
            axes.put(a.parameter(), a);
        }
        if (!FULL.equals(variant)) {
            Variant v = variants.get(variant);
            if (v == null) {
                throw new InvalidInputException("--variant must be one of " + String.join(", ", variantNames())
                        + " for " + source + " (got " + variant + ")");
            }
            v.base().forEach((k, x) -> {
                values.put(k, x);
                axes.remove(k);
            });
            for (SweepAxis a : v.sweep()) {
                axes.put(a.parameter(), a);
            }
            if (v.seeds() != null) {
                runSeeds = v.seeds();
            }
        }
        ParameterSchema schema = kind.parameters();
        java.util.Set<String> dependent = new java.util.HashSet<>();
        for (ParameterSpec p : schema.parameters()) {
            if (!values.containsKey(p.name()) && !axes.containsKey(p.name())) {
                if (p.required()) {
                    throw new InvalidInputException(source + ": parameter '" + p.name() + "' (" + p.allowed()
                            + ") has no default; set it in base or sweep" + (FULL.equals(variant) ? "" : " (variant " + variant + ")"));
                }
                if (p.defaultsBy() != null) {
                    dependent.add(p.name()); // chosen per run, once the parameter it depends on is known
                } else {
                    values.put(p.name(), p.defaultValue());
                }
            }
        }
        List<SweepAxis> axisList = new ArrayList<>(axes.values());
        // the size is known before anything is built: a sweep of 10^15 runs is refused at once, not by running out of memory
        double count = runSeeds.size();
        StringBuilder sizes = new StringBuilder(runSeeds.size() + " seeds");
        for (SweepAxis a : axisList) {
            count *= a.values().size();
            sizes.append(" x ").append(a.values().size()).append(' ').append(a.parameter());
        }
        if (count > SpecLoader.MAX_RUNS) {
            throw new InvalidInputException(source + ": variant " + variant + " has " + String.format(java.util.Locale.ROOT, "%.3g", count)
                    + " runs (" + sizes + "); the limit is " + SpecLoader.MAX_RUNS + " (check the sweep ranges and seeds)");
        }
        List<ResolvedParameters> runs = new ArrayList<>();
        expand(axisList, 0, values, dependent, runSeeds, schema, runs);
        return runs;
    }

    private static void expand(List<SweepAxis> axes, int i, Map<String, Object> values, java.util.Set<String> dependent,
                               List<Long> seeds, ParameterSchema schema, List<ResolvedParameters> out) {
        if (i == axes.size()) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String name : schema.names()) {
                // a default that depends on another parameter (a per-task recipe) is the value the run uses, and is recorded so
                ordered.put(name, dependent.contains(name) ? schema.get(name).defaultFor(values) : values.get(name));
            }
            for (long seed : seeds) {
                out.add(new ResolvedParameters(ordered, seed, schema));
            }
            return;
        }
        SweepAxis axis = axes.get(i);
        for (Object v : axis.values()) {
            values.put(axis.parameter(), v);
            expand(axes, i + 1, values, dependent, seeds, schema, out);
        }
        values.remove(axis.parameter());
    }
}
