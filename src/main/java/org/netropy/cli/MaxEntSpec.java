package org.netropy.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.connectivity.NeuronTable;
import org.netropy.gd.GdOutput;
import org.netropy.gd.GdRunFolder;
import org.netropy.io.InvalidInputException;
import org.netropy.activation.Nonlinearity;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.ReferenceScales;
import org.netropy.options.Naming;
import org.netropy.options.OptionValues;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The {@code --maxent "sigma=1.0,activation=relu"} reference of {@code netropy compare}: which
 * max-ent law(s) a trained table is compared with. Its keys are those of the max-ent engine
 * ({@link MaxEntOptions}, written with dashes or underscores), resolved by the engine so that an
 * error names {@code --maxent activation}; {@code sigma=auto} gives the three choices of
 * THEORY §5: σ equal to the initial scale (lazy/intermediate regime), the small-σ limit and the
 * norm-matched σ (rich regime).
 *
 * @param sigma      the scale as typed ("auto" or a number: it names the output folder)
 * @param values     the engine's values (gain prior and normalisation)
 * @param initScale  the initial scale of sigma=auto, or null: read from the gd run
 * @param contexts   the number of contexts the user expects table a to have, or null
 * @param priorGiven whether a gain-prior key was given (else sigma=auto with --gd uses the initialisation's prior)
 */
record MaxEntSpec(String sigma, OptionValues values, Double initScale, Integer contexts, boolean priorGiven) {
    /** The engine's gain-prior keys and the normalisation; sigma, contexts and init-scale are read here. */
    private static final List<String> PRIOR = List.of("activation", "bias_scale", "context_scale", "quadrature_nodes");
    static final ParameterSchema SCHEMA = MaxEntOptions.PROBLEM
            .without("contexts", "sigma", "sigma_ratio", "prior_rank", "prior_floor")
            .plus(List.of(ParameterSpec.number("init_scale", 0, MaxEntOptions.MAX_SIGMA, 0.0,
                    "initial stimulus-weight scale of sigma=auto; 0: the one recorded by the --gd run")));

    static MaxEntSpec parse(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            InvalidInputException.require(pair.length == 2 && !pair[0].isBlank(), "--maxent",
                    "key=value pairs like \"sigma=1.0,activation=relu\"", part);
            kv.put(Naming.CLI.key("--" + pair[0].strip().toLowerCase()), pair[1].strip());
        }
        List<String> keys = new java.util.ArrayList<>(List.of("sigma", "contexts"));
        keys.addAll(SCHEMA.names());
        for (String key : kv.keySet()) {
            InvalidInputException.require(keys.contains(key) || key.equals("gains"), "--maxent key", "one of "
                    + String.join(", ", keys.stream().map(k -> k.replace('_', '-')).toList()), key.replace('_', '-'));
        }
        if (kv.containsKey("gains")) {
            InvalidInputException.require(!kv.containsKey("activation"), "--maxent gains",
                    "left out when activation is given (it is the old name of activation)", kv.get("gains"));
            System.err.println("netropy: --maxent gains is deprecated; use activation (same values)");
            kv.put("activation", kv.remove("gains"));
        }
        String sigma = kv.remove("sigma");
        InvalidInputException.require(sigma != null, "--maxent", "a sigma=S or sigma=auto entry", text);
        String contexts = kv.remove("contexts");
        boolean priorGiven = PRIOR.stream().anyMatch(kv::containsKey);
        return inMaxEnt(() -> {
            OptionValues v = SCHEMA.resolve(kv, Naming.CLI);
            Integer c = null;
            if (contexts != null) {
                c = MaxEntOptions.with(v, "contexts", contexts).intValue("contexts");
            }
            if (!sigma.equalsIgnoreCase("auto")) {
                MaxEntOptions.with(v, "sigma", sigma);
            }
            double init = v.number("init_scale");
            return new MaxEntSpec(sigma, v, init > 0 ? init : null, c, priorGiven);
        });
    }

    /** An engine error, naming the key as typed inside --maxent ("--maxent activation must be ..."). */
    private static <T> T inMaxEnt(java.util.function.Supplier<T> run) {
        try {
            return run.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage().replaceAll("(^|[ (])--(?!maxent)", "$1--maxent "));
        }
    }

    TargetNormalisation normalisation() {
        return MaxEntOptions.normalisation(values);
    }

    /** The gain prior of the given keys for C contexts (a sampled reference reads σ_v). */
    GainPrior prior(int contexts) {
        return inMaxEnt(() -> MaxEntOptions.prior(values, contexts, true));
    }

    /**
     * The gain prior a gradient-descent run's initialisation implies (THEORY §3, "which prior each
     * GD setting implies"), from the settings its metrics.json records: activation, hidden bias
     * {@code b = b₀ + σ_b ξ} (if the network has biases) and context-weight scale σ_v. ReLU gives
     * the orthant probabilities of {@code v + b·1}; a smooth activation without biases gives
     * continuous gains {@code φ'(v)}.
     */
    static GainPrior initialisationPrior(Path gdDir, int contexts) {
        GdRunFolder.Recorded settings = recorded(gdDir);
        String where = "--maxent sigma=auto (" + gdDir.resolve(GdRunFolder.METRICS) + ")";
        InvalidInputException.require(settings.activation() != null && settings.contextScale() != null,
                where, "a metrics.json whose settings record activation and contextScale", "neither");
        Nonlinearity f = Nonlinearity.parse(where + " activation", settings.activation());
        double b0 = settings.hiddenBias() ? settings.biasInit() : 0;
        double sb = settings.hiddenBias() ? settings.biasScale() : 0;
        double sv = settings.contextScale();
        InvalidInputException.require(sv > 0, where, "context weights initialised with a positive scale (at scale 0 every"
                + " context has the same gain pattern and the task is not solvable by gain patterns)", sv);
        return GainPrior.forActivation(f, contexts, sv, b0, sb, 4, GainPrior.DEFAULT_MAX_ATOMS);
    }

    /** σ_v for the context weights of sampled max-ent neurons: the prior's own, else context-scale. */
    double samplingContextScale(MaxEntSolution s) {
        double sv = s.problem().prior().contextScale();
        return Double.isFinite(sv) ? sv : values.number("context_scale");
    }

    /** The reference solution(s), named by how their σ was chosen. */
    Map<String, MaxEntSolution> solutions(TaskMatrix task, NeuronTable observed, Path gdDir) {
        InvalidInputException.require(contexts == null || contexts == observed.contexts(), "--maxent contexts",
                "the number of contexts of table a (" + observed.contexts() + ")", contexts);
        boolean auto = sigma.equalsIgnoreCase("auto");
        GainPrior prior = auto && gdDir != null && !priorGiven ? initialisationPrior(gdDir, task.contexts()) : prior(task.contexts());
        if (!auto) {
            Map<String, MaxEntSolution> out = new LinkedHashMap<>();
            out.put("sigma-" + sigma, ReferenceScales.at(task, Double.parseDouble(sigma), prior));
            return out;
        }
        return ReferenceScales.atThreeScales(task, prior, observed.meanSquaredNorm(), initScale != null ? initScale : initScaleOf(gdDir));
    }

    /** The stimulus-weight initial scale recorded by {@code gd train} in metrics.json. */
    static double initScaleOf(Path gdDir) {
        InvalidInputException.require(gdDir != null, "--maxent sigma=auto", "used with --gd DIR or with init-scale=S", "no --gd folder");
        java.util.List<Double> found = recorded(gdDir).stimulusScales();
        Path metrics = gdDir.resolve(GdRunFolder.METRICS);
        InvalidInputException.require(!found.isEmpty(), "--maxent sigma=auto",
                "a metrics.json that records the initial stimulus scale (or init-scale=S)", metrics);
        double scale = found.get(0);
        for (double f : found) {
            InvalidInputException.require(f == scale, "--maxent sigma=auto",
                    "a gd run whose members share one initial scale (or init-scale=S)", metrics);
        }
        return scale;
    }

    private static GdRunFolder.Recorded recorded(Path gdDir) {
        return GdOutput.read(gdDir).recorded().orElseThrow(() -> new InvalidInputException("--maxent sigma=auto must be "
                + "a gd folder with metrics.json (or init-scale=S) (got " + gdDir + ")"));
    }
}
