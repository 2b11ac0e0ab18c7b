package org.clinval.surveillance.plan;

import java.io.Serializable;
import java.util.List;

/**
 * A post-market monitoring plan: windows, strata, how long ground truth is awaited, and the
 * decision rules that raise alarms. Read from YAML by {@link MonitoringPlanReader}; every default
 * is written out in {@code plan.yaml} of the output folder so that a reader sees the rules that
 * were applied.
 *
 * @param id the plan's document id
 * @param title the plan's title
 * @param version the plan's version, or empty
 * @param window the windows of windows.csv and drift.csv
 * @param goalWindow the windows whose lower bounds are compared with the acceptance goals
 * @param horizonDays how long after a prediction its truth is awaited
 * @param allowedLatenessHours the watermark's bound on out-of-order arrival
 * @param level confidence level
 * @param strata strata besides {@code all}
 * @param minCasesPerClass fewest positives and negatives for an AUC
 * @param minCasesForGoal fewest cases in a goal measure's denominator before it is compared
 * @param drift the drift rules
 * @param cusum the CUSUM charts
 */
public record MonitoringPlan(
        String id,
        String title,
        String version,
        Window window,
        Window goalWindow,
        int horizonDays,
        int allowedLatenessHours,
        double level,
        List<String> strata,
        int minCasesPerClass,
        int minCasesForGoal,
        Drift drift,
        List<Chart> cusum)
        implements Serializable {

    /** Calendar windows in UTC. */
    public enum Window {
        DAY,
        WEEK,
        MONTH;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Drift rules.
     *
     * @param minCases fewest predictions in a window before it is tested
     * @param psiWatch PSI from which a variable is watched
     * @param psiDrift PSI from which it has drifted (an alarm)
     * @param alpha p below which KS and chi-square flag drift
     * @param jsWatch Jensen–Shannon divergence (base 2) from which a variable is watched
     * @param variables what is tested
     * @param window the windows tested
     * @param psiMinCases fewest predictions before a PSI may raise an alarm (PSI is biased upward
     *     in small samples: about {@code (bins − 1)(1/n + 1/m)} with no drift at all)
     */
    public record Drift(
            int minCases,
            double psiWatch,
            double psiDrift,
            double alpha,
            double jsWatch,
            List<String> variables,
            Window window,
            int psiMinCases)
            implements Serializable {
        public Drift {
            variables = List.copyOf(variables);
        }
    }

    /**
     * One CUSUM chart design target.
     *
     * @param metric {@code specificity}, {@code sensitivity} or {@code mean_score}
     * @param strata which strata are charted ({@code all}, {@code site}, ...)
     * @param arl0 target in-control average run length, in days with an observation
     * @param shiftSigma the shift to detect, in standard errors of the daily metric
     */
    public record Chart(String metric, List<String> strata, double arl0, double shiftSigma)
            implements Serializable {
        public Chart {
            strata = List.copyOf(strata);
        }
    }

    /** Every numeric variable drift can test. */
    public static final List<String> NUMERIC =
            List.of(
                    "score",
                    "kvp",
                    "slice_thickness_mm",
                    "pixel_spacing_mm",
                    "magnetic_field_strength_t");

    /** Every categorical variable drift can test. */
    public static final List<String> CATEGORICAL = List.of("manufacturer", "convolution_kernel");

    public MonitoringPlan {
        strata = List.copyOf(strata);
        cusum = List.copyOf(cusum);
    }

    /** Returns the horizon in milliseconds. */
    public long horizonMillis() {
        return horizonDays * 86_400_000L;
    }

    /** Returns the allowed lateness in milliseconds. */
    public long latenessMillis() {
        return allowedLatenessHours * 3_600_000L;
    }
}
