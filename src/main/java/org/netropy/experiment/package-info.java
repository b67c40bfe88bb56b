/**
 * Experiments: one YAML spec per figure, expanded into a sweep of runs that are computed in
 * parallel, stored in content-addressed folders with their provenance, resumed after any
 * interruption and split into shards for a cluster.
 *
 * <p>Reading order: {@link org.netropy.experiment.RunKind} (what a sweepable computation provides)
 * and {@link org.netropy.experiment.RunKinds} (the registry), {@link org.netropy.experiment.SpecLoader}
 * (YAML with file:line errors) and {@link org.netropy.experiment.ExperimentSpec} (variants, sweep
 * expansion), {@link org.netropy.experiment.PlannedRun} (the content hash),
 * {@link org.netropy.experiment.SweepRunner} (execution, resume, failures) and
 * {@link org.netropy.experiment.RunStore} (the folder layout and completion marker). The ideas
 * follow Hydra and Sacred (resolved config and derived seeds saved with each run), Nextflow's
 * {@code -resume} (a run's key is the hash of its inputs and code version) and Flax (a smoke test
 * of every shipped config). See docs/EXPERIMENTS.md.
 */
package org.netropy.experiment;
