/**
 * Entropy of binary excitatory/inhibitory networks (Agrawal, Cowley, Alfaori, Larremore, Restrepo
 * &amp; Shew 2018, Chaos 28:103115; THEORY §6).
 *
 * <p>Data flow: {@link org.netropy.ei.EiParameters} (one network configuration) →
 * {@link org.netropy.ei.AnnealedChain} (exact transition matrix of the number of active neurons,
 * built from the cached pmfs of {@link org.netropy.ei.ChainTables}) →
 * {@link org.netropy.ei.StationaryDistribution} (GTH elimination) →
 * {@link org.netropy.ei.EntropyResult}. {@link org.netropy.ei.EiSimulation} simulates annealed and
 * quenched networks neuron by neuron as an independent cross-check; {@link org.netropy.ei.EiScan}
 * sweeps parameters and summarises each λ-curve with {@link org.netropy.ei.Robustness};
 * {@link org.netropy.ei.EiWeightRank} places a sampled E/I weight matrix on the rank axis used by
 * the gradient-descent sweeps. Nothing here depends on the task or the two engines.
 */
package org.netropy.ei;
