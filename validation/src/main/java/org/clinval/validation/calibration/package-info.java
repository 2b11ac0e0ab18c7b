/**
 * Calibration of predicted probabilities against binary outcomes: the Brier score, reliability bins
 * with the expected calibration error, and logistic recalibration (calibration slope and
 * calibration-in-the-large).
 */
package org.clinval.validation.calibration;
