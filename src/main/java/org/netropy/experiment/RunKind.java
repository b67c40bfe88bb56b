package org.netropy.experiment;

import org.netropy.options.ParameterSchema;

import java.util.List;
import java.util.Map;
import org.netropy.random.RandomStreams;

/**
 * A kind of computation an experiment spec can sweep: its typed parameters and one function that
 * turns one resolved parameter set into tidy rows.
 *
 * <p>The runner owns everything else: spec validation, sweep expansion, content-addressed run
 * folders, provenance, resume, parallelism, failures and aggregation. An engine becomes sweepable
 * by implementing this interface and adding one line to {@link RunKinds}.
 *
 * <p>Contract of {@link #run}:
 * <ul>
 *   <li>deterministic given its arguments: all randomness from {@code random} (seeded per run);</li>
 *   <li>returns tidy rows: each row maps every {@link #rowKeys() row key} to a value (String or
 *       number) and some or all {@link #measures() measures} to numbers (missing = NaN); one run
 *       may return many rows (e.g. one per population or per histogram bin) but no two with the
 *       same row keys;</li>
 *   <li>may write extra files through {@link RunContext#file};</li>
 *   <li>throws to fail (the error is recorded in the run folder and the sweep goes on); throw
 *       {@link org.netropy.io.InvalidInputException} for invalid parameter combinations, ideally
 *       earlier from {@link #validate}.</li>
 * </ul>
 * Runs execute in parallel (one per core), so implementations must not share mutable state.
 */
public interface RunKind {

    /** The name used by specs ({@code kind: maxent-scan}); lower-case with dashes. */
    String name();

    /** One line for users. */
    String description();

    /** The typed parameters a spec may set. */
    ParameterSchema parameters();

    /** Columns of a row that identify it within a run (e.g. "population", "bin"); may be empty. */
    List<String> rowKeys();

    /** Numeric columns of a row, aggregated over seeds by {@code netropy table}. */
    List<String> measures();

    /**
     * Names of the random streams the kind draws ({@code random.stream(name)}); their derived seeds
     * are recorded in each run's provenance. Optional: the root seed alone reproduces a run.
     */
    default List<String> streamNames() {
        return List.of();
    }

    /**
     * Cross-parameter checks (e.g. "rank &lt;= hidden units"), called for every run of a sweep
     * before anything runs. Throw {@link org.netropy.io.InvalidInputException} naming the fields.
     */
    default void validate(ResolvedParameters parameters) {}

    /**
     * The engine options one run computes with, after every default, recipe and cross-parameter
     * rule is applied: {@link #run} computes from this object (and the seed) alone, so two
     * parameter sets whose options are equal compute the same rows. Options are compared by
     * content (records component by component, arrays element by element, other project
     * classes field by field); a setting the engine would not read is left at a canonical value
     * here, so that changing it leaves the options equal, and is refused instead (a setting
     * that is accepted is used or refused, never recorded but ignored). {@code ParametersAreUsedTest} walks every
     * parameter of every kind against this contract.
     *
     * <p>Must be cheap (a description of the computation, not the computation) and throw
     * {@link org.netropy.io.InvalidInputException} naming the parameter for a setting that would
     * be ignored.
     */
    Object resolve(ResolvedParameters parameters);

    /** Computes one run. See the class comment for the contract. */
    List<Map<String, Object>> run(ResolvedParameters parameters, RandomStreams random, RunContext context) throws Exception;
}
