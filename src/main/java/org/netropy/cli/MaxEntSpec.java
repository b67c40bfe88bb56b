package org.netropy.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.connectivity.NeuronTable;
import org.netropy.gd.GdOutput;
import org.netropy.gd.GdRunFolder;
import org.netropy.io.InvalidInputException;
import org.netropy.activation.Nonlinearity;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.ReferenceScales;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * The {@code --maxent "sigma=1.0,gains=relu"} reference of {@code netropy compare}: which max-ent
 * law(s) a trained table is compared with. {@code sigma=auto} gives the three choices of
 * THEORY §5: σ equal to the initial scale (lazy/intermediate regime), the small-σ limit and the
 * norm-matched σ (rich regime).
 */
record MaxEntSpec(String sigma, Nonlinearity gains, double contextScale, TargetNormalisation normalisation,
                  Double initScale, Integer contexts, boolean priorGiven) {

    static MaxEntSpec parse(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            InvalidInputException.require(pair.length == 2 && !pair[0].isBlank(), "--maxent",
                    "key=value pairs like \"sigma=1.0,gains=relu\"", part);
            kv.put(pair[0].strip().toLowerCase(), pair[1].strip());
        }
        for (String key : kv.keySet()) {
            InvalidInputException.require(java.util.List.of("sigma", "gains", "context-scale", "normalisation", "init-scale",
                    "contexts").contains(key), "--maxent key", "one of sigma, gains, context-scale, normalisation, init-scale, contexts", key);
        }
        String sigma = kv.get("sigma");
        InvalidInputException.require(sigma != null, "--maxent", "a sigma=S or sigma=auto entry", text);
        if (!sigma.equalsIgnoreCase("auto")) {
            InvalidInputException.positive("--maxent sigma", number("sigma", sigma));
        }
        Nonlinearity gains = Nonlinearity.parse("--maxent gains", kv.getOrDefault("gains", "relu"));
        double contextScale = InvalidInputException.positive("--maxent context-scale", number("context-scale", kv.getOrDefault("context-scale", "1")));
        TargetNormalisation norm = TargetNormalisation.parse("--maxent normalisation", kv.getOrDefault("normalisation", "none"));
        Double init = kv.containsKey("init-scale") ? InvalidInputException.positive("--maxent init-scale", number("init-scale", kv.get("init-scale"))) : null;
        Integer contexts = null;
        if (kv.containsKey("contexts")) {
            try {
                contexts = Integer.parseInt(kv.get("contexts"));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--maxent contexts must be an integer (got " + kv.get("contexts") + ")");
            }
        }
        boolean priorGiven = kv.containsKey("gains") || kv.containsKey("context-scale");
        return new MaxEntSpec(sigma, gains, contextScale, norm, init, contexts, priorGiven);
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--maxent " + key + " must be a number (got " + text + ")");
        }
    }

    GainPrior prior(int contexts) {
        return GainPrior.forActivation(gains, contexts, contextScale, 0, 4, GainPrior.DEFAULT_MAX_ATOMS);
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
        return Double.isFinite(sv) ? sv : contextScale;
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
