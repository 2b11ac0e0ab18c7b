/**
 * Receiver operating characteristic analysis: the empirical curve, the AUC with DeLong's variance
 * (fast algorithm), the paired DeLong test, stratified bootstrap intervals and operating points.
 */
package org.clinval.validation.roc;
