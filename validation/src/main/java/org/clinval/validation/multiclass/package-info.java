/**
 * Multi-class (graded) classification against a reference grade: the per-case grades and class
 * probabilities, one-vs-rest accuracy and AUC per class, the macro- and prevalence-weighted
 * one-vs-rest AUCs, the one-vs-one macro (Hand–Till) and weighted AUCs and the Hand–Till
 * multi-class AUC.
 */
package org.clinval.validation.multiclass;
