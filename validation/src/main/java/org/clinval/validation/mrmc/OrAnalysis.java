package org.clinval.validation.mrmc;

import java.util.List;
import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;

/**
 * The result of an Obuchowski–Rockette analysis of a fully crossed reader study.
 *
 * @param factors which of readers and cases are random
 * @param covariance how the error covariances were estimated
 * @param level the confidence level of the intervals
 * @param modalities the modalities, in the order of {@code aucs}
 * @param readers the readers, in the order of each row of {@code aucs}
 * @param aucs the empirical AUC of each modality (row) and reader (column)
 * @param msT mean square of modalities, {@code r·Σ_t(θ_t· − θ··)²/(t−1)}; 0 with one modality
 * @param msR mean square of readers, {@code t·Σ_r(θ_·r − θ··)²/(r−1)}
 * @param msTR mean square of the modality × reader interaction; 0 with one modality
 * @param varError mean error variance of one AUC over modalities and readers
 * @param cov1 mean error covariance of AUCs of one reader in two modalities
 * @param cov2 mean error covariance of AUCs of two readers in one modality
 * @param cov3 mean error covariance of AUCs of two readers in two modalities
 * @param varR the reader variance component {@code (MS_R − MS_TR)/t − Cov1 + Cov3} (with one
 *     modality {@code MS_R − Var + Cov2}), as OR-DBM MRMC prints it; an ANOVA estimate that can be
 *     negative
 * @param varTR the modality × reader variance component {@code MS_TR − Var + Cov1 + max(Cov2 −
 *     Cov3, 0)}, as OR-DBM MRMC prints it
 * @param dbm the corresponding DBM variance components, with jackknife covariances and 2+
 *     modalities only
 * @param global the test of equal AUCs across modalities (undefined with one modality)
 * @param differences every pair of modalities, first minus second
 * @param single each modality's AUC on its own data
 */
public record OrAnalysis(
        OrFactors factors,
        OrCovariance covariance,
        ConfidenceLevel level,
        List<String> modalities,
        List<String> readers,
        List<List<Double>> aucs,
        double msT,
        double msR,
        double msTR,
        double varError,
        double cov1,
        double cov2,
        double cov3,
        double varR,
        double varTR,
        Optional<DbmComponents> dbm,
        OrGlobalTest global,
        List<OrEstimate> differences,
        List<OrEstimate> single) {}
