/**
 * The comparator (THEORY §5): how well does one single-neuron table (a trained network) agree
 * with another (a second network, or a maximum-entropy solution)?
 *
 * <p>Data flow: {@link org.netropy.connectivity.NeuronTable} → {@link org.netropy.compare.GainPatterns}
 * (binary populations) and {@link org.netropy.compare.SignCanonicalisation} → per-population
 * statistics ({@link org.netropy.compare.PopulationStatistics}) and label-free clusters
 * ({@link org.netropy.compare.PopulationClustering}) → distances ({@link org.netropy.compare.Distances})
 * → {@link org.netropy.compare.Comparison} with verdicts, written by
 * {@link org.netropy.compare.ComparisonReport}. The reference side may be an analytic
 * {@link org.netropy.compare.PopulationModel} (the max-ent law of THEORY §3), in which case its
 * exact fractions and moments are used and a sampled table serves for the distributional tests.
 * Entry point: {@link org.netropy.compare.ConnectivityComparator}.
 */
package org.netropy.compare;
