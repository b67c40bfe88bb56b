/**
 * The shared single-neuron connectivity table: what both engines produce and the comparator
 * reads (THEORY §5). One row per hidden neuron: stimulus weights, context weights, bias,
 * readout and per-context gains.
 */
package org.netropy.connectivity;
