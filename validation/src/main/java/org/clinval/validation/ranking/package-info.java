/**
 * Ranking measures of a binary score: the precision–recall curve and average precision, as
 * scikit-learn 1.2.1 defines them, with a stratified bootstrap interval of the average precision.
 */
package org.clinval.validation.ranking;
