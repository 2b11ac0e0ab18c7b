/**
 * Statistics for the clinical validation of medical-imaging AI: the core nouns shared by every
 * method (intervals, confidence levels, decision rules, score direction).
 *
 * <p>This module depends on no framework; results are immutable records that carry their method,
 * confidence level, sample sizes and, where random, seed and replicate count.
 */
package org.clinval.validation;
