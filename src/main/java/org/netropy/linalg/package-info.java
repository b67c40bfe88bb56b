/**
 * Small pure-Java linear algebra shared by the engines: a deterministic thin SVD and the
 * effective-rank measures of THEORY §4. No native code, so any package may use it.
 */
package org.netropy.linalg;
