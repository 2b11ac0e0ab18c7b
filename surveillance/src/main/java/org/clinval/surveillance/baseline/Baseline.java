package org.clinval.surveillance.baseline;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated baseline a deployed device is monitored against: the locked validation study's case
 * results (scores, labels) and the acquisition metadata of its de-identified images, with the
 * study's estimates and acceptance goals and the requirements and risk controls each verifies.
 *
 * @param run the run folder's name
 * @param study the study id
 * @param modelSha256 the model weights' SHA-256 as the study recorded them
 * @param datasetSha256 the locked dataset's SHA-256
 * @param caseResultsSha256 the SHA-256 of the case-results.csv read
 * @param threshold the operating point's threshold
 * @param scores every case's score, in case order
 * @param labels every case's label (1 positive), in case order
 * @param sites every case's site, in case order
 * @param numeric numeric variables (score and acquisition metadata) per case, NaN where absent
 * @param categorical categorical acquisition metadata per case, null where absent
 * @param metrics the study's estimates and goals per measure
 * @param images how many de-identified images were read for metadata
 * @param imageProblems images whose metadata could not be read, with why
 */
public record Baseline(
        String run,
        String study,
        String modelSha256,
        String datasetSha256,
        String caseResultsSha256,
        double threshold,
        double[] scores,
        int[] labels,
        String[] sites,
        Map<String, double[]> numeric,
        Map<String, String[]> categorical,
        Map<String, Goal> metrics,
        int images,
        List<String> imageProblems)
        implements Serializable {

    /**
     * The validated estimate of one measure and its acceptance goal.
     *
     * @param measure e.g. {@code specificity}
     * @param estimate the study's estimate
     * @param ciLower lower bound of its interval
     * @param ciUpper upper bound
     * @param ciMethod the interval method
     * @param estimateMin the goal on the estimate, if any
     * @param ciLowerMin the goal on the lower bound, if any
     * @param requirements the requirements its endpoint verifies
     * @param riskControls the risk controls its endpoint verifies
     * @param endpoint the endpoint id
     */
    public record Goal(
            String measure,
            double estimate,
            double ciLower,
            double ciUpper,
            String ciMethod,
            Double estimateMin,
            Double ciLowerMin,
            List<String> requirements,
            List<String> riskControls,
            String endpoint)
            implements Serializable {
        public Goal {
            requirements = List.copyOf(requirements);
            riskControls = List.copyOf(riskControls);
        }
    }

    /** Returns the goal of {@code measure}, if the study had an endpoint on it. */
    public Optional<Goal> goal(String measure) {
        return Optional.ofNullable(metrics.get(measure));
    }

    /**
     * Returns which baseline cases a stratum is compared with: the same site or manufacturer for
     * those strata, every case for {@code all} and model versions.
     */
    public boolean[] inStratum(String stratum) {
        boolean[] in = new boolean[labels.length];
        int eq = stratum.indexOf('=');
        String kind = eq < 0 ? stratum : stratum.substring(0, eq);
        String value = eq < 0 ? null : stratum.substring(eq + 1);
        for (int i = 0; i < in.length; i++) {
            in[i] =
                    switch (kind) {
                        case "site" -> value.equals(sites[i]);
                        case "manufacturer" -> value.equals(categorical.get("manufacturer")[i]);
                        default -> true;
                    };
        }
        return in;
    }

    /**
     * Returns the proportion of negatives scored below the threshold (the baseline specificity).
     */
    public double specificity() {
        long n = 0, tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                n++;
                if (scores[i] < threshold) tn++;
            }
        }
        return n == 0 ? Double.NaN : (double) tn / n;
    }
}
