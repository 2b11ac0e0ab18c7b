package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.mrmc.GallasAnalysis;
import org.clinval.validation.mrmc.MrmcTest;
import org.clinval.validation.mrmc.ObuchowskiRockette;
import org.clinval.validation.mrmc.OrAnalysis;
import org.clinval.validation.mrmc.OrEstimate;
import org.clinval.validation.mrmc.ProportionAnalysis;
import org.clinval.validation.mrmc.ReaderStudy;
import org.clinval.validation.mrmc.StudyDesign;
import org.clinval.validation.mrmc.UstatEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.ReaderStudySettings;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.readers.Read;
import org.clinval.workflows.readers.ReaderStudies;

/**
 * Analyses a study's reader-study arm as its protocol states: each case's truth is its case
 * result's label against {@code operating_point.positive_class}, the scores' direction is {@code
 * operating_point.direction}; a read of a case without a case result (quarantined by the study) is
 * excluded with the reason. The analysed reads go to {@link ObuchowskiRockette#analyse} with the
 * protocol's factors and covariance ({@code t} test with Hillis's df; normal with fixed readers),
 * or to {@link GallasAnalysis#analyse} (iMRMC's U-statistics; its BDG {@code t} test), with the
 * aided modality first so that the difference is aided − unaided. With {@code
 * reader_study.threshold} the same study gives the readers' sensitivity and specificity ({@link
 * ReaderProportions}), whatever the AUC analysis's design allows.
 */
public final class ReaderStudyAnalysis {

    private ReaderStudyAnalysis() {}

    /** Analyses the reads of {@code in} against {@code cases} at {@code level}. */
    public static ReaderStudyResults analyse(
            StudyProtocol protocol,
            List<CaseResult> cases,
            ReaderInputs in,
            ConfidenceLevel level) {
        ReaderStudySettings s = protocol.readerStudy().orElseThrow();
        String positiveClass = protocol.operatingPoint().positiveClass();
        Map<String, Boolean> truth = new HashMap<>();
        for (CaseResult c : cases) {
            truth.putIfAbsent(c.caseId(), c.label().equals(positiveClass));
        }
        List<Read> analysed = new ArrayList<>();
        Map<String, int[]> excludedReads = new LinkedHashMap<>();
        Map<String, Set<String>> excludedCases = new LinkedHashMap<>();
        for (Read r : in.reads().reads()) {
            if (truth.containsKey(r.caseId())) {
                analysed.add(r);
                continue;
            }
            String why = in.quarantined().get(r.caseId());
            String reason =
                    why == null
                            ? "case has no result in the case results"
                            : why.isBlank() ? "case quarantined" : "case quarantined: " + why;
            excludedReads.computeIfAbsent(reason, k -> new int[1])[0]++;
            excludedCases.computeIfAbsent(reason, k -> new LinkedHashSet<>()).add(r.caseId());
        }
        List<ReaderStudyResults.Exclusion> excluded = new ArrayList<>();
        excludedReads.forEach(
                (reason, n) ->
                        excluded.add(
                                new ReaderStudyResults.Exclusion(
                                        reason, n[0], excludedCases.get(reason).size())));
        List<String> readers =
                List.copyOf(
                        new LinkedHashSet<>(
                                in.reads().reads().stream().map(Read::reader).toList()));
        int readsIn = in.reads().reads().size();
        Direction direction = protocol.operatingPoint().direction();
        String method = method(s);
        ReaderStudy study;
        try {
            study = ReaderStudies.of(analysed, truth, s.unaided(), s.aided(), direction);
        } catch (IllegalArgumentException e) {
            String reason = "the analysed reads cannot form a reader study: " + e.getMessage();
            return undefined(
                    s,
                    level,
                    method,
                    Optional.empty(),
                    readers,
                    analysed,
                    truth,
                    readsIn,
                    excluded,
                    reason,
                    ReaderProportions.undefined(s, ProportionAnalysis.Measure.SENSITIVITY, reason),
                    ReaderProportions.undefined(s, ProportionAnalysis.Measure.SPECIFICITY, reason));
        }
        Optional<ReaderStudyResults.Proportion> sensitivity = Optional.empty();
        Optional<ReaderStudyResults.Proportion> specificity = Optional.empty();
        if (s.hasThreshold()) {
            sensitivity =
                    Optional.of(
                            ReaderProportions.analyse(
                                    study, s, ProportionAnalysis.Measure.SENSITIVITY, level));
            specificity =
                    Optional.of(
                            ReaderProportions.analyse(
                                    study, s, ProportionAnalysis.Measure.SPECIFICITY, level));
        }
        StudyDesign design = study.design();
        if (s.analysis() == ReaderStudySettings.Analysis.OBUCHOWSKI_ROCKETTE
                && design != StudyDesign.FULLY_CROSSED) {
            return undefined(
                    s,
                    level,
                    method,
                    Optional.of(design),
                    readers,
                    analysed,
                    truth,
                    readsIn,
                    excluded,
                    "the Obuchowski-Rockette analysis needs fully crossed reads; the analysed"
                            + " reads are "
                            + org.clinval.workflows.readers.ReaderStudyCheck.label(design),
                    sensitivity,
                    specificity);
        }
        MrmcTriple t;
        Map<String, Double> components = new LinkedHashMap<>();
        List<ReaderStudyResults.ReaderAuc> perReader;
        try {
            if (s.analysis() == ReaderStudySettings.Analysis.OBUCHOWSKI_ROCKETTE) {
                OrAnalysis or =
                        ObuchowskiRockette.analyse(
                                study, s.factors(), s.covariance().orElseThrow(), level);
                t =
                        new MrmcTriple(
                                of(or.single().get(1)),
                                of(or.single().get(0)),
                                of(or.differences().get(0)));
                components.put("var_error", or.varError());
                components.put("cov1", or.cov1());
                components.put("cov2", or.cov2());
                components.put("cov3", or.cov3());
                components.put("var_r", or.varR());
                components.put("var_tr", or.varTR());
                components.put("ms_t", or.msT());
                components.put("ms_r", or.msR());
                components.put("ms_tr", or.msTR());
                perReader = new ArrayList<>();
                for (int r = 0; r < or.readers().size(); r++) {
                    perReader.add(
                            new ReaderStudyResults.ReaderAuc(
                                    or.readers().get(r),
                                    OptionalDouble.of(or.aucs().get(1).get(r)),
                                    OptionalDouble.of(or.aucs().get(0).get(r))));
                }
            } else {
                List<UstatEstimate> g = GallasAnalysis.analyse(study, level);
                t = new MrmcTriple(of(g.get(1)), of(g.get(0)), of(g.get(2)));
                double va = g.get(0).variance();
                double vu = g.get(1).variance();
                double vd = g.get(2).variance();
                components.put("variance_aided", va);
                components.put("variance_unaided", vu);
                components.put("covariance_aided_unaided", (va + vu - vd) / 2);
                components.put("variance_difference", vd);
                perReader = perReader(study);
            }
        } catch (IllegalArgumentException e) {
            return undefined(
                    s,
                    level,
                    method,
                    Optional.of(design),
                    readers,
                    analysed,
                    truth,
                    readsIn,
                    excluded,
                    e.getMessage(),
                    sensitivity,
                    specificity);
        }
        return new ReaderStudyResults(
                s,
                level,
                method,
                Optional.of(design),
                study.readers(),
                study.positives(),
                study.negatives(),
                readsIn,
                analysed.size(),
                excluded,
                t.unaided,
                t.aided,
                t.difference,
                perReader,
                components,
                Optional.empty(),
                sensitivity,
                specificity);
    }

    /**
     * Judges {@code endpoint} (measure {@code reader_auc_difference}, {@code
     * reader_sensitivity_difference} or {@code reader_specificity_difference}) on the difference
     * aided − unaided of {@code r}, analysed at the criterion's level, with the endpoint
     * machinery's rules: an undefined estimate or interval fails the clause that needs it.
     */
    static EndpointResult evaluate(Endpoint endpoint, ReaderStudyResults r) {
        Measure measure = endpoint.criterion().measure();
        ReaderStudyResults.MrmcValue d;
        String method;
        if (measure == Measure.READER_AUC_DIFFERENCE) {
            d = r.difference();
            method = shortMethod(r.settings());
        } else {
            Optional<ReaderStudyResults.Proportion> p =
                    measure == Measure.READER_SENSITIVITY_DIFFERENCE
                            ? r.sensitivity()
                            : r.specificity();
            d =
                    p.map(ReaderStudyResults.Proportion::difference)
                            .orElse(
                                    ReaderStudyResults.MrmcValue.undefined(
                                            "the protocol states no reader_study.threshold"));
            method = ReaderProportions.SHORT_METHOD;
        }
        String why = d.undefinedReason().orElse("");
        String estimateWhy =
                d.estimate().isEmpty()
                        ? "the reader-study difference is undefined (" + why + ")"
                        : "";
        // The cases behind the estimate are the reader study's, not the device's table.
        ConfusionMatrix cases = new ConfusionMatrix(r.positives(), 0, r.negatives(), 0);
        return EndpointEvaluation.judge(
                endpoint,
                d.estimate(),
                d.ci(),
                estimateWhy,
                why,
                method,
                OptionalLong.empty(),
                OptionalLong.empty(),
                cases,
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    private record MrmcTriple(
            ReaderStudyResults.MrmcValue unaided,
            ReaderStudyResults.MrmcValue aided,
            ReaderStudyResults.MrmcValue difference) {}

    /** The method in a few words, as an endpoint's interval method is printed. */
    static String shortMethod(ReaderStudySettings s) {
        if (s.analysis() == ReaderStudySettings.Analysis.GALLAS) {
            return "Gallas U-statistics, BDG df";
        }
        return switch (s.factors()) {
            case RANDOM_READERS_RANDOM_CASES -> "Obuchowski-Rockette, Hillis df";
            case FIXED_READERS_RANDOM_CASES -> "Obuchowski-Rockette, fixed readers, normal";
            case RANDOM_READERS_FIXED_CASES -> "Obuchowski-Rockette, fixed cases, t";
        };
    }

    /** The method in words, with the test its intervals come from. */
    static String method(ReaderStudySettings s) {
        if (s.analysis() == ReaderStudySettings.Analysis.GALLAS) {
            return "U-statistic MRMC variance (Gallas 2006/2009, as iMRMC 4), t test with BDG df";
        }
        String factors = s.readersFactor() + " readers, " + s.casesFactor() + " cases";
        String test =
                switch (s.factors()) {
                    case RANDOM_READERS_RANDOM_CASES -> "t test with Hillis (2007) df";
                    case FIXED_READERS_RANDOM_CASES -> "normal test";
                    case RANDOM_READERS_FIXED_CASES -> "t test with (t-1)(r-1) df";
                };
        return "Obuchowski-Rockette ("
                + s.covariance().orElseThrow().name().toLowerCase(java.util.Locale.ROOT)
                + " covariances, "
                + factors
                + "), "
                + test;
    }

    private static ReaderStudyResults.MrmcValue of(OrEstimate e) {
        return value(OptionalDouble.of(e.estimate()), e.standardError(), e.test());
    }

    private static ReaderStudyResults.MrmcValue of(UstatEstimate e) {
        OptionalDouble se =
                e.variance() > 0
                        ? OptionalDouble.of(Math.sqrt(e.variance()))
                        : OptionalDouble.empty();
        return value(OptionalDouble.of(e.estimate()), se, e.bdg());
    }

    private static ReaderStudyResults.MrmcValue value(
            OptionalDouble estimate, OptionalDouble se, MrmcTest t) {
        return new ReaderStudyResults.MrmcValue(
                estimate, se, t.ci(), t.df(), t.statistic(), t.p(), t.undefinedReason());
    }

    /** Each reader's empirical AUC over the cases read in each modality (aided first). */
    private static List<ReaderStudyResults.ReaderAuc> perReader(ReaderStudy study) {
        List<ReaderStudyResults.ReaderAuc> out = new ArrayList<>();
        for (int r = 0; r < study.readers().size(); r++) {
            out.add(
                    new ReaderStudyResults.ReaderAuc(
                            study.readers().get(r), auc(study, 1, r), auc(study, 0, r)));
        }
        return out;
    }

    private static OptionalDouble auc(ReaderStudy study, int m, int r) {
        List<Boolean> positive = new ArrayList<>();
        List<Double> score = new ArrayList<>();
        for (int c = 0; c < study.cases().size(); c++) {
            if (study.isRead(m, r, c)) {
                positive.add(study.positive(c));
                score.add(study.score(m, r, c));
            }
        }
        boolean[] p = new boolean[positive.size()];
        double[] x = new double[score.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = positive.get(i);
            x[i] = score.get(i);
        }
        if (!positive.contains(true) || !positive.contains(false)) {
            return OptionalDouble.empty();
        }
        // The study's scores are oriented: higher means positive.
        return OptionalDouble.of(
                DeLong.auc(RocInput.of(p, x, Direction.HIGHER), ConfidenceLevel.of(0.95)).auc());
    }

    private static ReaderStudyResults undefined(
            ReaderStudySettings s,
            ConfidenceLevel level,
            String method,
            Optional<StudyDesign> design,
            List<String> readers,
            List<Read> analysed,
            Map<String, Boolean> truth,
            int readsIn,
            List<ReaderStudyResults.Exclusion> excluded,
            String reason,
            Optional<ReaderStudyResults.Proportion> sensitivity,
            Optional<ReaderStudyResults.Proportion> specificity) {
        Set<String> pos = new LinkedHashSet<>();
        Set<String> neg = new LinkedHashSet<>();
        for (Read r : analysed) {
            (truth.get(r.caseId()) ? pos : neg).add(r.caseId());
        }
        ReaderStudyResults.MrmcValue u = ReaderStudyResults.MrmcValue.undefined(reason);
        return new ReaderStudyResults(
                s,
                level,
                method,
                design,
                readers,
                pos.size(),
                neg.size(),
                readsIn,
                analysed.size(),
                excluded,
                u,
                u,
                u,
                List.of(),
                Map.of(),
                Optional.of(reason),
                sensitivity,
                specificity);
    }
}
