/**
 * Multi-class (graded) classification against a reference grade: the per-case grades and class
 * probabilities, one-vs-rest accuracy and AUC per class, the macro-average AUC and the Hand–Till
 * multi-class AUC.
 */
package org.clinval.validation.multiclass;
