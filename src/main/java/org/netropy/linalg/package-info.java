/**
 * Small pure-Java linear algebra shared by every part that must not load a native backend:
 * Cholesky factorisation (Newton steps of the max-ent dual), a deterministic thin SVD, and the
 * effective-rank measures of THEORY §4 (used for initial weights and for E/I weight matrices).
 */
package org.netropy.linalg;
