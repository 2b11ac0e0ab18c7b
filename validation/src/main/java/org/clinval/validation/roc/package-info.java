/**
 * Receiver operating characteristic analysis: the empirical curve, the AUC with DeLong's variance
 * (fast algorithm), the paired and unpaired DeLong tests with one-sided alternatives, partial AUC
 * with McClish's standardisation, stratified bootstrap intervals and operating points.
 */
package org.clinval.validation.roc;
