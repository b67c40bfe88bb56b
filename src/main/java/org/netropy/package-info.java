/**
 * Netropy: why does a trained network have the connectivity it has?
 *
 * <p>The packages follow the data flow:
 * {@link org.netropy.task} (what the network must compute) feeds two engines,
 * {@link org.netropy.gd} (gradient descent with DL4J, the only package that imports ND4J) and
 * {@link org.netropy.maxent} (the analytic maximum-entropy solution, Hruza &amp; Ostojic 2026);
 * both produce the single-neuron table of {@link org.netropy.connectivity}, which
 * {@link org.netropy.compare} turns into distances and verdicts, and
 * {@link org.netropy.experiment} / {@link org.netropy.report} into sweeps, tables and figures.
 * {@link org.netropy.ei} is the entropy of binary E/I networks (Agrawal et al. 2018).
 * Shared plumbing: {@link org.netropy.random} (seeded streams) and {@link org.netropy.io}.
 */
package org.netropy;
