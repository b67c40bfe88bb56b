/**
 * The engines plugged into the experiment pipeline: one {@link org.netropy.experiment.RunKind}
 * per kind of computation a figure sweeps (max-ent solutions, samples and limits; trained
 * networks; comparisons; E/I entropy curves). Each kind only translates typed parameters into an
 * engine call and the engine's result into tidy rows.
 */
package org.netropy.experiment.kinds;
