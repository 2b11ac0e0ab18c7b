/**
 * Distribution drift between a baseline sample and a current sample for post-market surveillance:
 * population stability index, two-sample Kolmogorov–Smirnov, Wasserstein distance, Jensen–Shannon
 * divergence and the chi-square test of homogeneity, each reproducing scipy's definition.
 */
package org.clinval.validation.drift;
