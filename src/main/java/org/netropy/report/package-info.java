/**
 * Reports: the tidy table of an experiment (mean, standard deviation and Student-t 95% confidence
 * interval over seeds, one row per parameters, row keys and measure) as CSV, Markdown and JSON,
 * and the figures a spec declares, drawn from that table alone with XChart (PNG and SVG, with the
 * plotted data as CSV beside each figure).
 */
package org.netropy.report;
