/**
 * Study design: sample sizes for sensitivity, specificity and AUC at a target interval half-width,
 * and the one-sided tests that a study's acceptance criteria use (exact binomial against a
 * performance goal, Tango's score test of paired non-inferiority).
 */
package org.clinval.validation.design;
