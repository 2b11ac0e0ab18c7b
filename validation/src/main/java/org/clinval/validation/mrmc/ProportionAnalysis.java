package org.clinval.validation.mrmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.ThresholdRule;

/**
 * The MRMC analysis of the readers' sensitivity or specificity at a threshold, for binary reads (a
 * call per reader and case) or scores made binary by the threshold: the reader-averaged proportion
 * of each modality and the difference of two, with the U-statistic variance of iMRMC's {@code
 * uStat11.jointD} and the identity kernel ({@link Ustat11}).
 *
 * <p>A read is a positive call when {@code rule.isPositive(score, threshold)} on the scale of the
 * reads as given (the study's direction orders the AUC, not the calls). Sensitivity is the mean
 * over reads of positive cases of "called positive"; specificity, over negative cases, of "called
 * negative" — in a fully crossed study the mean of the readers' proportions.
 *
 * <p>iMRMC gives the mean and the variance; the interval and test here use the normal
 * approximation, {@code estimate ± z·sqrt(var)}, and the difference is tested against 0 with {@code
 * z = diff / sqrt(var)}, two-sided. A variance estimate that is not positive (possible in small
 * studies: the estimator is unbiased, not positive) leaves the interval and test undefined, with
 * the reason. A modality without a read of the cases concerned is an error: its proportion is
 * undefined.
 */
public final class ProportionAnalysis {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The proportion analysed. */
    public enum Measure {
        /** Positive calls among the reads of positive cases. */
        SENSITIVITY,
        /** Negative calls among the reads of negative cases. */
        SPECIFICITY;

        /** Returns the lower-case name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code sensitivity} or {@code specificity}. */
        public static Measure parse(String text) {
            for (Measure m : values()) if (m.label().equals(text)) return m;
            throw new IllegalArgumentException(
                    "measure is not one of auc, sensitivity, specificity: " + text);
        }
    }

    /**
     * The reader-averaged proportion of a modality, or the difference of two.
     *
     * @param measure sensitivity or specificity
     * @param modality the modality, or the first of the two compared
     * @param minus the modality subtracted, for a difference
     * @param readers readers with at least one read of the cases concerned
     * @param cases cases concerned (positive for sensitivity, negative for specificity) read in the
     *     modality (either modality for a difference)
     * @param reads reads of those cases (both modalities for a difference)
     * @param estimate the proportion, or {@code p(modality) − p(minus)}
     * @param variance the unbiased U-statistic MRMC variance
     * @param perReader each reader's proportion in the modality (empty for a difference); empty for
     *     a reader without reads of the cases concerned
     * @param test the normal-approximation interval; for a difference also the test against 0
     */
    public record Estimate(
            Measure measure,
            String modality,
            Optional<String> minus,
            int readers,
            int cases,
            int reads,
            double estimate,
            double variance,
            List<OptionalDouble> perReader,
            MrmcTest test) {
        public Estimate {
            perReader = List.copyOf(perReader);
        }
    }

    private ProportionAnalysis() {}

    /**
     * Returns one estimate per modality in the study's order, then one per pair {@code (a, b)}, a
     * before b.
     *
     * @throws IllegalArgumentException if the threshold is not finite, or a modality has no read of
     *     a case of the measure's class
     */
    public static List<Estimate> analyse(
            ReaderStudy study,
            Measure measure,
            double threshold,
            ThresholdRule rule,
            ConfidenceLevel level) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite: " + threshold);
        }
        boolean wantPositive = measure == Measure.SENSITIVITY;
        List<Integer> cases = new ArrayList<>();
        for (int c = 0; c < study.cases().size(); c++) {
            if (study.positive(c) == wantPositive && study.isReadAtAll(c)) cases.add(c);
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(
                    "no "
                            + (wantPositive ? "positive" : "negative")
                            + " case was read: the "
                            + measure.label()
                            + " is undefined");
        }
        int nm = study.modalities().size();
        int nr = study.readers().size();
        double[][][] kernel = new double[nm][cases.size()][nr];
        double[][][] design = new double[nm][cases.size()][nr];
        for (int m = 0; m < nm; m++) {
            for (int i = 0; i < cases.size(); i++) {
                int c = cases.get(i);
                for (int r = 0; r < nr; r++) {
                    if (!study.isRead(m, r, c)) continue;
                    double raw = study.direction().orient(study.score(m, r, c));
                    boolean calledPositive = rule.isPositive(raw, threshold);
                    design[m][i][r] = 1;
                    kernel[m][i][r] = calledPositive == wantPositive ? 1 : 0;
                }
            }
        }
        List<Estimate> out = new ArrayList<>();
        for (int m = 0; m < nm; m++)
            out.add(single(study, measure, m, kernel[m], design[m], level));
        for (int a = 0; a < nm; a++) {
            for (int b = a + 1; b < nm; b++) {
                out.add(difference(study, measure, a, b, kernel, design, level));
            }
        }
        return List.copyOf(out);
    }

    private static Estimate single(
            ReaderStudy s,
            Measure measure,
            int m,
            double[][] kernel,
            double[][] design,
            ConfidenceLevel level) {
        String name = s.modalities().get(m);
        int reads = count(design);
        if (reads == 0) {
            throw new IllegalArgumentException(
                    "modality "
                            + name
                            + " has no read of a "
                            + casesOf(measure)
                            + " case: its "
                            + measure.label()
                            + " is undefined");
        }
        Ustat11 u = Ustat11.of(kernel, design, kernel, design);
        List<OptionalDouble> perReader = new ArrayList<>();
        for (double p : u.perReaderA()) {
            perReader.add(Double.isNaN(p) ? OptionalDouble.empty() : OptionalDouble.of(p));
        }
        return new Estimate(
                measure,
                name,
                Optional.empty(),
                readers(design, null),
                cases(design, null),
                reads,
                u.meanA(),
                u.varianceA(),
                perReader,
                interval(u.meanA(), u.varianceA(), level, false, design, null, measure));
    }

    private static Estimate difference(
            ReaderStudy s,
            Measure measure,
            int a,
            int b,
            double[][][] kernel,
            double[][][] design,
            ConfidenceLevel level) {
        String name = s.modalities().get(a);
        Optional<String> minus = Optional.of(s.modalities().get(b));
        int reads = count(design[a]) + count(design[b]);
        Ustat11 u = Ustat11.of(kernel[a], design[a], kernel[b], design[b]);
        double diff = u.meanA() - u.meanB();
        return new Estimate(
                measure,
                name,
                minus,
                readers(design[a], design[b]),
                cases(design[a], design[b]),
                reads,
                diff,
                u.varianceDifference(),
                List.of(),
                interval(diff, u.varianceDifference(), level, true, design[a], design[b], measure));
    }

    private static MrmcTest interval(
            double estimate,
            double variance,
            ConfidenceLevel level,
            boolean test,
            double[][] a,
            double[][] b,
            Measure measure) {
        if (readers(a, b) < 2 || cases(a, b) < 2) {
            // A moment of two different readers or cases cannot be estimated (iMRMC sets it to 0).
            return MrmcTest.undefined(
                    "normal",
                    OptionalDouble.empty(),
                    "the MRMC variance needs at least 2 readers and 2 "
                            + casesOf(measure)
                            + " cases read");
        }
        if (!(variance > 0)) {
            return MrmcTest.undefined(
                    "normal",
                    OptionalDouble.empty(),
                    "the variance estimate is "
                            + (variance == 0 ? "0" : "negative (" + variance + ")")
                            + ": every read of every reader agrees, or the study is too small for"
                            + " the unbiased estimator");
        }
        double se = Math.sqrt(variance);
        double q = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + level.value() / 2);
        Interval ci = new Interval(estimate - q * se, estimate + q * se);
        if (!test) {
            return new MrmcTest(
                    "normal",
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.of(ci),
                    Optional.empty());
        }
        double z = estimate / se;
        double p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        return new MrmcTest(
                "normal",
                OptionalDouble.empty(),
                OptionalDouble.of(z),
                OptionalDouble.of(p),
                Optional.of(ci),
                Optional.empty());
    }

    private static String casesOf(Measure m) {
        return m == Measure.SENSITIVITY ? "positive" : "negative";
    }

    private static int count(double[][] design) {
        int n = 0;
        for (double[] row : design) for (double v : row) if (v > 0) n++;
        return n;
    }

    private static int readers(double[][] a, double[][] b) {
        int n = 0;
        for (int r = 0; r < a[0].length; r++) {
            boolean any = false;
            for (int c = 0; c < a.length; c++) any |= a[c][r] > 0 || (b != null && b[c][r] > 0);
            if (any) n++;
        }
        return n;
    }

    private static int cases(double[][] a, double[][] b) {
        int n = 0;
        for (int c = 0; c < a.length; c++) {
            boolean any = false;
            for (int r = 0; r < a[c].length; r++) any |= a[c][r] > 0 || (b != null && b[c][r] > 0);
            if (any) n++;
        }
        return n;
    }
}
