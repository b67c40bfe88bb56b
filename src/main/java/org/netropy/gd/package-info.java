/**
 * The gradient-descent engine (THEORY §2, §4): two-layer networks trained by full-batch gradient
 * descent on ND4J, the tensor library of DL4J, in the rich and lazy regimes and from low-rank
 * initial weights. This is the only package that may use ND4J/DL4J.
 *
 * <p>Data flow: a {@link org.netropy.task.Task} and a {@link org.netropy.gd.GdRunSpec} →
 * {@link org.netropy.gd.Initializer} (seeded, named streams; low-rank variants) →
 * {@link org.netropy.gd.EnsembleEngine} (K networks as one computation: wide ND4J/BLAS products
 * around a fused plain-Java element-wise pass) →
 * {@link org.netropy.gd.GdResult} with the shared
 * {@link org.netropy.connectivity.NeuronTable} of the initial and final network and the
 * {@link org.netropy.gd.RegimeMetrics}. {@link org.netropy.gd.Network} is the plain-Java reference
 * of the same network (gains, metrics, tangent kernel, tests).
 */
package org.netropy.gd;
