/**
 * The study's analysis in plain Java over {@code clinval-validation}: every endpoint against its
 * criterion, the confusion matrix, DeLong and bootstrap AUC, and the subgroup table.
 */
package org.clinval.workflows.analysis;
