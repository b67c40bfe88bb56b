/**
 * Claims as code: the conclusions a spec states, decided from its tidy table. A spec's
 * {@code claims:} block ({@link org.netropy.experiment.ClaimSpec}) names a measure, the rows, the
 * combination and the test; {@link org.netropy.claims.ClaimEvaluator} decides holds / fails /
 * inconclusive from the 95% intervals, {@link org.netropy.claims.ClaimsTable} writes
 * results/claims.csv and .md, and {@link org.netropy.claims.ReproduceDocument} generates
 * REPRODUCE.md's statuses from them. Data flow: tables ({@code report}) → claims.
 */
package org.netropy.claims;
