package org.clinval.validation.mrmc;

/** How the Obuchowski–Rockette analysis estimates the error covariances of the readers' AUCs. */
public enum OrCovariance {
    /**
     * DeLong's structural components: {@code cov = S10/n1 + S01/n0} from the placements of each
     * (modality, reader) AUC, with sample covariances over the positive and the negative cases.
     */
    DELONG,
    /**
     * The case jackknife: {@code cov = (n−1)/n · Σ_k (θ_(k) − θ̄_(·))(θ'_(k) − θ̄'_(·))} over the
     * {@code n} cases, as the OR-DBM MRMC software's default.
     */
    JACKKNIFE;

    /** Parses {@code delong} or {@code jackknife}. */
    public static OrCovariance parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "delong" -> DELONG;
            case "jackknife" -> JACKKNIFE;
            default ->
                    throw new IllegalArgumentException(
                            "covariance method is not one of delong, jackknife: " + text);
        };
    }
}
