/**
 * The results of a study run that verify risk controls and requirements: the scenarios of its
 * Cucumber JSON report and, where available, the measured values of its {@code metrics.json} with
 * the signature on them.
 */
package org.clinval.risk.results;
