package org.clinval.workflows.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinval.validation.interval.BinomialInterval;

/**
 * How an endpoint's confidence interval is computed. Proportions (and the lesion-level sensitivity)
 * take a binomial interval; the AUC takes DeLong's interval or a stratified bootstrap interval; the
 * segmentation and detection aggregates take a bootstrap interval over cases (scans), seeded from
 * the protocol.
 */
public enum CiMethod {
    /** Wilson score interval of a proportion. */
    WILSON(BinomialInterval.WILSON),
    /** Clopper–Pearson exact interval of a proportion. */
    CLOPPER_PEARSON(BinomialInterval.CLOPPER_PEARSON),
    /** Jeffreys interval of a proportion. */
    JEFFREYS(BinomialInterval.JEFFREYS),
    /** DeLong's interval of the AUC. */
    DELONG(null),
    /** Percentile interval of the bootstrap (stratified for the AUC, over cases otherwise). */
    BOOTSTRAP_PERCENTILE(null),
    /** BCa interval of the bootstrap (stratified for the AUC, over cases otherwise). */
    BOOTSTRAP_BCA(null),
    /** The Wald interval of Cohen's kappa with the Fleiss–Cohen–Everitt (1969) standard error. */
    FLEISS_COHEN_EVERITT(null),
    /** No interval: the multi-class AUCs are judged on their estimate alone. */
    NONE(null),
    /**
     * The interval of the reader study's MRMC analysis ({@code reader_study.analysis}:
     * Obuchowski–Rockette or Gallas), the one method of {@link Measure#READER_AUC_DIFFERENCE}; for
     * the readers' sensitivity and specificity differences the U-statistic (iMRMC {@code uStat11})
     * normal-approximation interval.
     */
    MRMC(null);

    private final BinomialInterval binomial;

    CiMethod(BinomialInterval binomial) {
        this.binomial = binomial;
    }

    /** Returns the protocol's name of the method, e.g. {@code clopper_pearson}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the binomial interval behind a proportion method, or empty for AUC methods. */
    public Optional<BinomialInterval> binomial() {
        return Optional.ofNullable(binomial);
    }

    /** Returns whether the method gives an interval for {@code measure}. */
    public boolean appliesTo(Measure measure) {
        if (this == MRMC || measure.isReaderStudy()) {
            return this == MRMC && measure.isReaderStudy();
        }
        if (binomial != null) {
            return measure.isProportion();
        }
        if (measure.isKappa()) return this == FLEISS_COHEN_EVERITT;
        if (measure.isMulticlassAuc()) return this == NONE;
        if (this == FLEISS_COHEN_EVERITT || this == NONE) return false;
        return this == DELONG ? measure == Measure.AUC : !measure.isProportion();
    }

    /** Returns the methods that apply to {@code measure}. */
    public static List<CiMethod> applicableTo(Measure measure) {
        return Arrays.stream(values()).filter(m -> m.appliesTo(measure)).toList();
    }

    /** Parses a method name ({@code clopper-pearson} and {@code exact} are accepted too). */
    public static CiMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (t.equals("exact")) {
            return CLOPPER_PEARSON;
        }
        for (CiMethod m : values()) {
            if (m.key().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "CI method is not one of wilson, clopper_pearson, jeffreys, delong, "
                        + "bootstrap_percentile, bootstrap_bca, fleiss_cohen_everitt, none, mrmc: "
                        + text);
    }
}
