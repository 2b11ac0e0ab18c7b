package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.mrmc.MrmcTest;
import org.clinval.validation.mrmc.ProportionAnalysis;
import org.clinval.validation.mrmc.ReaderStudy;
import org.clinval.workflows.protocol.ReaderStudySettings;

/**
 * The readers' sensitivity and specificity of a reader-study arm at the protocol's threshold: a
 * read is a positive call when {@code score rule threshold} on the scale of the reads as given;
 * {@link ProportionAnalysis#analyse} (iMRMC's {@code uStat11} U-statistic variance, any design,
 * normal-approximation interval and z test) on the study whose first modality is the aided one, so
 * that its difference "first minus second" is aided − unaided.
 */
final class ReaderProportions {

    /** The method as metrics.json and the report print it. */
    static final String METHOD =
            "U-statistic MRMC variance (iMRMC uStat11, Gallas 2006/2009), normal approximation";

    /** The method in a few words, as an endpoint's interval method is printed. */
    static final String SHORT_METHOD = "U-statistic MRMC, normal";

    private ReaderProportions() {}

    /**
     * Returns the analysis of {@code measure} of {@code study} (aided first) at the threshold of
     * {@code s}; an analysis the statistics refuse (no read of a case of the class) is undefined
     * with the reason.
     */
    static ReaderStudyResults.Proportion analyse(
            ReaderStudy study,
            ReaderStudySettings s,
            ProportionAnalysis.Measure measure,
            ConfidenceLevel level) {
        List<ProportionAnalysis.Estimate> e;
        try {
            e =
                    ProportionAnalysis.analyse(
                            study, measure, s.threshold().getAsDouble(), s.rule(), level);
        } catch (IllegalArgumentException x) {
            return ReaderStudyResults.Proportion.undefined(measure.label(), METHOD, x.getMessage());
        }
        ProportionAnalysis.Estimate aided = e.get(0);
        ProportionAnalysis.Estimate unaided = e.get(1);
        ProportionAnalysis.Estimate difference = e.get(2);
        if (!aided.modality().equals(s.aided())
                || !unaided.modality().equals(s.unaided())
                || !difference.modality().equals(s.aided())
                || !difference.minus().equals(Optional.of(s.unaided()))) {
            throw new IllegalStateException(
                    "the reader study's modalities are not aided, unaided: " + study.modalities());
        }
        List<ReaderStudyResults.ReaderValue> perReader = new ArrayList<>();
        for (int r = 0; r < study.readers().size(); r++) {
            perReader.add(
                    new ReaderStudyResults.ReaderValue(
                            study.readers().get(r),
                            unaided.perReader().get(r),
                            aided.perReader().get(r)));
        }
        return new ReaderStudyResults.Proportion(
                measure.label(),
                METHOD,
                difference.cases(),
                value(unaided),
                value(aided),
                value(difference),
                perReader,
                Optional.empty());
    }

    /** Returns the undefined analyses of a study that could not be built, or none. */
    static Optional<ReaderStudyResults.Proportion> undefined(
            ReaderStudySettings s, ProportionAnalysis.Measure measure, String reason) {
        return s.hasThreshold()
                ? Optional.of(
                        ReaderStudyResults.Proportion.undefined(measure.label(), METHOD, reason))
                : Optional.empty();
    }

    private static ReaderStudyResults.MrmcValue value(ProportionAnalysis.Estimate e) {
        MrmcTest t = e.test();
        // The standard error goes with the interval: undefined where the variance is not positive.
        OptionalDouble se =
                t.ci().isPresent()
                        ? OptionalDouble.of(Math.sqrt(e.variance()))
                        : OptionalDouble.empty();
        return new ReaderStudyResults.MrmcValue(
                OptionalDouble.of(e.estimate()),
                se,
                t.ci(),
                t.df(),
                t.statistic(),
                t.p(),
                t.undefinedReason());
    }
}
