package org.netropy.ei;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.netropy.io.InvalidInputException;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.random.RandomStreams;

/**
 * The parameters of the binary E/I network model and its simulations (Agrawal et al. 2018;
 * docs/EI.md), declared once for the command line ({@code netropy ei}) and the spec kind
 * {@code ei-curve}, with every rule across them and the builder of the engine's {@link EiScan}.
 * The λ targets are the caller's (one value, a range or a spec's grid): they are a sweep, not a
 * property of the network, so each caller passes them with the key its user wrote them under.
 */
public final class EiOptions {
    private EiOptions() {}

    /** Modes of {@code simulate}. */
    public static final List<String> SIMULATE = List.of("none", "annealed", "quenched", "both");

    /** The declarations; their order is the column order of the {@code ei-curve} tables. */
    public static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.integer("neurons", 1, EiParameters.MAX_NEURONS, 100L, "network size N"),
            ParameterSpec.number("p", 0, 1, 0.1, "connection probability p; mean in-degree k = pN"),
            ParameterSpec.number("alpha", 0, 1, 0.2, "inhibitory fraction; round(alpha N) neurons are inhibitory"),
            ParameterSpec.number("we", 0, 1e6, 0.25, "excitatory synapse strength W_E of the base configuration"),
            ParameterSpec.number("wi", 0, 1e6, 0.5, "inhibitory synapse strength W_I of the base configuration (the synapse is -W_I)"),
            ParameterSpec.flag("on_boundary", false, "set W_E so that the base configuration has lambda = 1"),
            ParameterSpec.number("epsilon", 0, 1, 0.001, "spontaneous firing probability"),
            ParameterSpec.choice("lambda_by", List.of("scale", "we", "wi"), "scale",
                    "how a target lambda is reached from the base: scale both weights (fixed W_I/W_E), move W_E, or move W_I"),
            ParameterSpec.choice("simulate", SIMULATE, "none",
                    "also simulate neuron by neuron at every point: annealed (partners redrawn), quenched (one fixed graph), both"),
            ParameterSpec.integer("simulation_steps", 100, 100_000_000, 20_000L, "recorded simulation steps per point"),
            ParameterSpec.integer("burn_in", 0, 100_000_000, EiSimulation.DEFAULT_BURN_IN, "discarded simulation steps before recording"));

    /** The simulation modes {@code simulate} names. */
    public static Set<EiSimulation.Mode> simulations(OptionValues v) {
        String s = v.string("simulate");
        Set<EiSimulation.Mode> modes = EnumSet.noneOf(EiSimulation.Mode.class);
        if (s.equals("annealed") || s.equals("both")) {
            modes.add(EiSimulation.Mode.annealed);
        }
        if (s.equals("quenched") || s.equals("both")) {
            modes.add(EiSimulation.Mode.quenched);
        }
        return modes;
    }

    /**
     * Refuses what the computation would ignore: simulation settings without simulations, the
     * λ-line without λ targets, W_E when the line moves W_E or the boundary solves it, W_I when
     * the line moves W_I, and the boundary when the line through W_E overrides it anyway.
     *
     * @param targets whether λ targets move the weights
     * @param lambdaKey the caller's key of the targets ({@code lambda}, {@code lambda_from/lambda_to})
     */
    public static void check(OptionValues v, boolean targets, String lambdaKey) {
        boolean simulates = !v.string("simulate").equals("none");
        String by = v.string("lambda_by");
        String withSimulations = "with " + v.field("simulate") + " annealed, quenched or both";
        v.refuseUnlessUsed("simulation_steps", simulates, withSimulations);
        v.refuseUnlessUsed("burn_in", simulates, withSimulations);
        v.refuseUnlessUsed("lambda_by", targets, "with target lambdas (" + v.field(lambdaKey) + ")");
        boolean linesMoveWe = targets && by.equals("we");
        String lambdaBy = v.field("lambda_by");
        v.refuseUnlessUsed("on_boundary", !linesMoveWe, "with " + lambdaBy + " scale or wi (" + lambdaBy + " we sets W_E anyway)");
        v.refuseUnlessUsed("we", !linesMoveWe && !v.flag("on_boundary"),
                "with " + lambdaBy + " scale or wi and " + v.field("on_boundary") + " false (otherwise W_E is solved)");
        v.refuseUnlessUsed("wi", !(targets && by.equals("wi")), "with " + lambdaBy + " scale or we (" + lambdaBy + " wi sets W_I)");
    }

    /** The network the values describe (before λ targets move its weights); W_E solved for λ = 1 with {@code on_boundary}. */
    public static EiParameters base(OptionValues v) {
        EiParameters b = new EiParameters(v.intValue("neurons"), v.number("p"), v.number("alpha"), v.number("we"),
                v.number("wi"), v.number("epsilon"));
        if (!v.flag("on_boundary")) {
            return b;
        }
        String boundary = "with " + v.field("on_boundary");
        v.require(b.meanInDegree() > 0, "p", "> 0 " + boundary, b.connectionProbability());
        v.require(b.realisedInhibitoryFraction() < 1, "alpha", "< 1 " + boundary, b.inhibitoryFraction());
        return LambdaParametrisation.we.at(b.withWeights(0, b.inhibitoryWeight()), 1.0);
    }

    /** The scan of the values' one base configuration along {@code targets} (empty: the weights as given). */
    public static EiScan scan(OptionValues v, double[] targets, String lambdaKey, long seed, boolean rank) {
        return scan(v, new double[] {v.number("alpha")}, new double[] {v.number("we")}, new double[] {v.number("wi")},
                new double[] {v.number("epsilon")}, targets, lambdaKey, seed, rank);
    }

    /**
     * The scan of every combination of the swept α, W_E, W_I and ε, the other parameters from
     * {@code v} (which may lack the swept keys). Each combination is resolved through
     * {@link #SCHEMA} and {@link #check}ed, and every target is reached, in the caller's words,
     * before anything runs.
     */
    public static EiScan scan(OptionValues v, double[] alphas, double[] wes, double[] wis, double[] epsilons,
                              double[] targets, String lambdaKey, long seed, boolean rank) {
        InvalidInputException.require(alphas.length > 0 && wes.length > 0 && wis.length > 0 && epsilons.length > 0,
                v.field("alpha") + "/" + v.field("we") + "/" + v.field("wi") + "/" + v.field("epsilon"), "at least one value each",
                "an empty list");
        for (int i = 1; i < targets.length; i++) {
            v.require(targets[i] > targets[i - 1], lambdaKey, "strictly increasing values", targets[i]);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (String key : SCHEMA.names()) {
            if (v.values().containsKey(key)) {
                given.put(key, v.values().get(key));
            }
        }
        OptionValues first = null;
        UnaryOperator<String> field = key -> v.field(key.equals("lambda") ? lambdaKey : key);
        for (double eps : epsilons) {
            for (double alpha : alphas) {
                for (double we : wes) {
                    for (double wi : wis) {
                        Map<String, Object> point = new LinkedHashMap<>(given);
                        point.putAll(Map.of("alpha", alpha, "we", we, "wi", wi, "epsilon", eps));
                        OptionValues p = SCHEMA.resolve(point, v.naming());
                        check(p, targets.length > 0, lambdaKey);
                        EiParameters base = base(p);
                        for (double t : targets) {
                            LambdaParametrisation.valueOf(p.string("lambda_by")).at(base, t, field);
                        }
                        first = first == null ? p : first;
                    }
                }
            }
        }
        return new EiScan(first.intValue("neurons"), first.number("p"), alphas, wes, wis, epsilons, targets,
                LambdaParametrisation.valueOf(first.string("lambda_by")), first.flag("on_boundary"), simulations(first),
                first.integer("simulation_steps"), first.integer("burn_in"), seed, rank);
    }

    /**
     * Runs {@code scan} drawing from {@code seeds}; the one engine error that depends on the
     * whole chain (no unique stationary distribution without spontaneous firing) names ε as the
     * caller does.
     */
    public static EiScan.Result run(OptionValues v, EiScan scan, RandomStreams seeds, IntConsumer progress) {
        try {
            return scan.run(seeds, progress);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            throw m.startsWith("epsilon ") ? new InvalidInputException(v.field("epsilon") + m.substring("epsilon".length())) : e;
        }
    }
}
