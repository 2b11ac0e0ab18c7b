package org.clinval.validation.drift;

/** The drift tests, with the identifiers used in files. */
public enum DriftTest {
    /** Population stability index ({@link Psi}). */
    PSI("psi"),
    /** Two-sample Kolmogorov–Smirnov test ({@link KolmogorovSmirnov}). */
    KS("ks"),
    /** First Wasserstein distance ({@link Wasserstein}). */
    WASSERSTEIN("wasserstein"),
    /** Jensen–Shannon divergence, base 2 ({@link JensenShannon}). */
    JS("js"),
    /** Chi-square test of homogeneity ({@link ChiSquareHomogeneity}). */
    CHI2("chi2");

    private final String id;

    DriftTest(String id) {
        this.id = id;
    }

    /** Returns the lower-case identifier ({@code psi|ks|wasserstein|js|chi2}). */
    public String id() {
        return id;
    }
}
