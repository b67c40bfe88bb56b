/**
 * Reports: the tidy table of an experiment (mean, standard deviation and Student-t 95% confidence
 * interval over seeds, one row per parameters, row keys and measure) as CSV, Markdown and JSON,
 * and the figures a spec declares, drawn from that table alone: one page of lettered panels per
 * paper figure ({@link org.netropy.report.FigureMaker}, {@link org.netropy.report.FigurePage};
 * JFreeChart panels written as PDF and SVG with text, and PNG), with the plotted data as CSV
 * beside each figure; and the figure set of a comparison ({@link org.netropy.report.CompareFigures}).
 */
package org.netropy.report;
