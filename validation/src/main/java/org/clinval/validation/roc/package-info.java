/**
 * Receiver operating characteristic analysis: the empirical curve, the AUC with DeLong's variance
 * (fast algorithm), the paired DeLong test, partial AUC with McClish's standardisation, stratified
 * bootstrap intervals and operating points.
 */
package org.clinval.validation.roc;
