/**
 * The hidden nonlinearity φ and its slope φ', shared by the gradient-descent engine (the trained
 * network) and the max-ent engine (the gains of the law), so the two compare the same neuron.
 */
package org.netropy.activation;
