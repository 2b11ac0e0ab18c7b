package org.clinval.validation.mrmc;

/**
 * The Dorfman–Berbaum–Metz variance components that correspond to an Obuchowski–Rockette analysis
 * with jackknife covariances (Hillis et al. 2005, Stat Med 24:1579–1607, doi:10.1002/sim.2024), as
 * the OR-DBM MRMC software prints them, with {@code c} cases: {@code σ²_C = c·Cov3}, {@code σ²_TC =
 * c·(Cov2 − Cov3)}, {@code σ²_RC = c·(Cov1 − Cov3)}, {@code σ²_TRC + σ²_ε = c·(Var − Cov1 − Cov2 +
 * Cov3)}; {@code σ²_R} and {@code σ²_TR} are the OR ones. These are ANOVA estimates and can be
 * negative.
 *
 * @param varR reader variance
 * @param varC case variance
 * @param varTR modality × reader variance
 * @param varTC modality × case variance
 * @param varRC reader × case variance
 * @param varTRCError modality × reader × case plus error variance
 */
public record DbmComponents(
        double varR, double varC, double varTR, double varTC, double varRC, double varTRCError) {}
