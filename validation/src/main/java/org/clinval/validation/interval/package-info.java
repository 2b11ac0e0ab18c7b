/** Confidence intervals for a binomial proportion and the proportion estimate that carries them. */
package org.clinval.validation.interval;
