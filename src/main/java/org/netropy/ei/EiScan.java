package org.netropy.ei;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;

/**
 * A parameter sweep of the annealed chain: every combination of ε, α, W_E and W_I is a base
 * configuration; with a λ-grid each base becomes a curve (λ reached along a
 * {@link LambdaParametrisation}) summarised by {@link Robustness}. Rows are tidy: one per
 * parameter point, one per curve.
 *
 * @param neurons N
 * @param connectionProbability p
 * @param alphas inhibitory fractions
 * @param excitatoryWeights W_E values (ignored when {@code onBoundary})
 * @param inhibitoryWeights W_I values
 * @param epsilons spontaneous rates
 * @param lambdas target λ values (strictly increasing), or empty for no λ sweep
 * @param lambdaBy how λ is reached from a base configuration
 * @param onBoundary solve W_E so that every base configuration has λ = 1 (walks along the
 *     boundary from weak to strong synapses as W_I grows)
 * @param simulate simulation modes to run at every point (may be empty)
 * @param steps recorded simulation steps per point
 * @param burnIn discarded simulation steps per point
 * @param seed root seed of every random stream of the scan
 * @param rank whether to compute the effective rank of the max-entropy and robust max-entropy
 *     configurations
 */
public record EiScan(int neurons, double connectionProbability, double[] alphas, double[] excitatoryWeights,
                     double[] inhibitoryWeights, double[] epsilons, double[] lambdas, LambdaParametrisation lambdaBy,
                     boolean onBoundary, Set<EiSimulation.Mode> simulate, long steps, long burnIn, long seed,
                     boolean rank) {

    public EiScan {
        InvalidInputException.require(alphas.length > 0 && excitatoryWeights.length > 0 && inhibitoryWeights.length > 0
                && epsilons.length > 0, "alpha/we/wi/epsilon", "at least one value each", "an empty list");
        for (int i = 1; i < lambdas.length; i++) {
            InvalidInputException.require(lambdas[i] > lambdas[i - 1], "lambda", "strictly increasing values", lambdas[i]);
        }
        simulate = simulate.isEmpty() ? EnumSet.noneOf(EiSimulation.Mode.class) : EnumSet.copyOf(simulate);
    }

    /** One computed parameter point. */
    public record Point(int curve, EiParameters parameters, EntropyResult chain, Map<EiSimulation.Mode, EiSimulation.Result> simulations) {}

    /** One λ-curve: its base configuration and robustness summary (null without a λ-grid of ≥ 2 values). */
    public record Curve(int id, EiParameters base, Robustness robustness, EiParameters peak) {}

    /** Everything a scan produced, with the max-entropy and robust max-entropy picks. */
    public record Result(List<Point> points, List<Curve> curves, Point maxEntropy, Curve robustMaxEntropy,
                         EiWeightRank maxEntropyRank, EiWeightRank robustRank, double seconds) {}

    /** Number of parameter points the scan will compute. */
    public int size() {
        return alphas.length * baseExcitatoryWeights().length * inhibitoryWeights.length * epsilons.length
                * Math.max(1, lambdas.length);
    }

    /** W_E values of the base configurations (one placeholder when W_E is solved on the boundary). */
    private double[] baseExcitatoryWeights() {
        return onBoundary ? new double[] {Double.NaN} : excitatoryWeights;
    }

    /** Base configurations in output order (ε outermost, then α, W_E, W_I). */
    public List<EiParameters> bases() {
        List<EiParameters> out = new ArrayList<>();
        for (double eps : epsilons) {
            for (double alpha : alphas) {
                for (double we : baseExcitatoryWeights()) {
                    for (double wi : inhibitoryWeights) {
                        if (onBoundary) {
                            EiParameters b = new EiParameters(neurons, connectionProbability, alpha, 0, wi, eps);
                            out.add(LambdaParametrisation.we.at(b, 1.0));
                        } else {
                            out.add(new EiParameters(neurons, connectionProbability, alpha, we, wi, eps));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every parameter point, grouped by curve (one list per base configuration). Building the plan
     * validates every point, so bad input fails before a long run starts.
     */
    public List<List<EiParameters>> plan() {
        List<List<EiParameters>> plan = new ArrayList<>();
        for (EiParameters base : bases()) {
            List<EiParameters> along = new ArrayList<>();
            if (lambdas.length == 0) {
                along.add(base);
            } else {
                for (double l : lambdas) {
                    along.add(lambdaBy.at(base, l));
                }
            }
            plan.add(along);
        }
        return plan;
    }

    /** Runs the scan from its own seed; {@code progress} receives the number of points done after each point. */
    public Result run(IntConsumer progress) {
        return run(new RandomStreams(seed), progress);
    }

    /**
     * Runs the scan drawing every simulation from {@code seeds} (stream "point-i" for the i-th
     * point, "rank" for the weight ranks), so a spec run and the command line that name the same
     * seed compute the same networks.
     */
    public Result run(RandomStreams seeds, IntConsumer progress) {
        long start = System.nanoTime();
        List<Point> points = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        List<EiParameters> bases = bases();
        List<List<EiParameters>> plan = plan();
        for (int curveId = 0; curveId < plan.size(); curveId++) {
            EiParameters base = bases.get(curveId);
            List<EiParameters> along = plan.get(curveId);
            double[] h = new double[along.size()];
            for (int i = 0; i < along.size(); i++) {
                EiParameters p = along.get(i);
                EntropyResult r = AnnealedChain.entropy(p);
                Map<EiSimulation.Mode, EiSimulation.Result> sims = new LinkedHashMap<>();
                for (EiSimulation.Mode mode : simulate) {
                    sims.put(mode, EiSimulation.run(p, mode, steps, burnIn, seeds.child("point-" + points.size())));
                }
                points.add(new Point(curveId, p, r, sims));
                h[i] = r.entropyBits();
                progress.accept(points.size());
            }
            if (lambdas.length >= 2) {
                Robustness rb = Robustness.of(lambdas, h);
                int peak = 0;
                for (int i = 1; i < h.length; i++) {
                    if (h[i] > h[peak]) {
                        peak = i;
                    }
                }
                curves.add(new Curve(curveId, base, rb, along.get(peak)));
            }
        }
        Point best = points.get(0);
        for (Point p : points) {
            if (p.chain().entropyBits() > best.chain().entropyBits()) {
                best = p;
            }
        }
        Curve robust = null;
        for (Curve c : curves) {
            if (robust == null || c.robustness().meanEntropyBits() > robust.robustness().meanEntropyBits()) {
                robust = c;
            }
        }
        EiWeightRank bestRank = null;
        EiWeightRank robustRank = null;
        if (rank) {
            bestRank = EiWeightRank.ofSampledNetwork(best.parameters(), seeds.child("rank"));
            if (robust != null) {
                robustRank = EiWeightRank.ofSampledNetwork(robust.peak(), seeds.child("rank"));
            }
        }
        return new Result(points, curves, best, robust, bestRank, robustRank, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The columns of one parameter point, in the snake_case names every E/I output uses (the
     * {@code ei scan} points table, {@code ei entropy}'s JSON, CSV and table): the configuration,
     * the chain's results and, per simulation mode, the simulated entropy and activity with their
     * standard errors.
     *
     * @param lambdaBy how λ was reached, or null to leave the column out
     */
    public static Map<String, Object> pointValues(EiParameters p, EntropyResult r, String lambdaBy,
                                                  Map<EiSimulation.Mode, EiSimulation.Result> simulations) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("neurons", p.neurons());
        row.put("p", p.connectionProbability());
        row.put("k", p.meanInDegree());
        row.put("alpha", p.inhibitoryFraction());
        row.put("inhibitory_neurons", p.inhibitoryCount());
        row.put("we", p.excitatoryWeight());
        row.put("wi", p.inhibitoryWeight());
        row.put("epsilon", p.spontaneousRate());
        if (lambdaBy != null) {
            row.put("lambda_by", lambdaBy);
        }
        row.put("lambda", p.lambda());
        row.put("entropy_bits", r.entropyBits());
        row.put("entropy_rate_bits", r.entropyRateBits());
        row.put("mean_active", r.meanActive());
        row.put("max_entropy_bits", r.maxEntropyBits());
        row.put("stationarity_residual", r.stationarityResidual());
        row.put("max_row_defect", r.maxRowDefect());
        row.put("seconds", r.seconds());
        simulations.forEach((m, sim) -> {
            row.put("sim_" + m + "_entropy_bits", sim.entropyBits());
            row.put("sim_" + m + "_entropy_se_bits", sim.entropyStdErrorBits());
            row.put("sim_" + m + "_mean_active", sim.meanActive());
            row.put("sim_" + m + "_mean_active_se", sim.meanActiveStdError());
        });
        return row;
    }

    private String lambdaByColumn() {
        return lambdas.length == 0 ? "none" : lambdaBy.name();
    }

    /** Tidy CSV with one row per parameter point: the curve id, then {@link #pointValues}. */
    public String pointsCsv(Result result) {
        List<String> cols = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Point pt : result.points()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("curve", pt.curve());
            values.putAll(pointValues(pt.parameters(), pt.chain(), lambdaByColumn(), pt.simulations()));
            if (cols.isEmpty()) {
                cols.addAll(values.keySet());
            }
            rows.add(new ArrayList<>(values.values()));
        }
        return csv(cols, printer -> {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        });
    }

    /** Tidy CSV with one row per λ-curve (empty without a λ-grid of ≥ 2 values). */
    public String curvesCsv(Result result) {
        List<String> cols = List.of("curve", "neurons", "p", "alpha", "we_base", "wi_base", "wi_over_we", "epsilon", "lambda_by",
                "peak_entropy_bits", "peak_lambda", "we_at_peak", "wi_at_peak", "lambda_low", "lambda_high", "width_one_bit",
                "log10_width_one_bit", "width_half_peak", "mean_entropy_bits", "censored", "half_peak_censored");
        return csv(cols, printer -> {
            for (Curve c : result.curves()) {
                EiParameters b = c.base();
                Robustness r = c.robustness();
                printer.printRecord(c.id(), b.neurons(), b.connectionProbability(), b.inhibitoryFraction(), b.excitatoryWeight(),
                        b.inhibitoryWeight(), b.excitatoryWeight() == 0 ? Double.NaN : b.inhibitoryWeight() / b.excitatoryWeight(),
                        b.spontaneousRate(), lambdaBy.name(), r.peakEntropyBits(), r.peakLambda(), c.peak().excitatoryWeight(),
                        c.peak().inhibitoryWeight(), r.lambdaLow(), r.lambdaHigh(), r.widthOneBit(), r.log10WidthOneBit(),
                        r.widthHalfPeak(), r.meanEntropyBits(), r.censored(), r.halfPeakCensored());
            }
        });
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String csv(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader(header.toArray(String[]::new)).build())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
