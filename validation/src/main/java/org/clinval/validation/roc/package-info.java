/**
 * Receiver operating characteristic analysis: the empirical curve, the AUC with DeLong's variance
 * (fast algorithm), the paired and unpaired DeLong tests with one-sided alternatives, partial AUC
 * with McClish's standardisation, stratified bootstrap intervals, operating points, and the sample
 * size and power of a study of one AUC.
 */
package org.clinval.validation.roc;
