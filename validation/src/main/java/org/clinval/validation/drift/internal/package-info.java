/** Null distributions of the Kolmogorov–Smirnov statistics, ported from scipy 1.10. */
package org.clinval.validation.drift.internal;
