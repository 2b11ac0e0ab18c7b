/**
 * Agreement between two raters on an ordered categorical scale: the contingency table of their
 * ratings and Cohen's kappa, unweighted or weighted, with its large-sample standard error.
 */
package org.clinval.validation.agreement;
