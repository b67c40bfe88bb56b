/**
 * Tasks: what a network must compute. The context-dependent input-selection task is a
 * {@link org.netropy.task.TaskMatrix} evaluated on a {@link org.netropy.task.StimulusSet}
 * (THEORY §1); both engines read the same objects.
 */
package org.netropy.task;
