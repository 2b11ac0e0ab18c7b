package org.clinval.surveillance.job;

import java.io.Serializable;
import java.util.List;
import org.clinval.validation.cusum.CusumDesign;

/**
 * One CUSUM chart of the plan with its computed design and in-control mean.
 *
 * @param metric {@code specificity}, {@code sensitivity} or {@code mean_score}
 * @param strata the stratum kinds it charts ({@code all}, {@code site}, ...)
 * @param design k and h from the target ARL0
 * @param mu0 the validated baseline's value of the metric
 * @param sigmaUnit the standard deviation of one case: {@code sqrt(μ0(1−μ0))} for a proportion, the
 *     baseline scores' standard deviation for the mean score; a day's σ is this over √n
 */
public record ChartSpec(
        String metric, List<String> strata, CusumDesign design, double mu0, double sigmaUnit)
        implements Serializable {

    /** Whether the chart follows {@code stratum} ({@code all} or {@code site=A} ...). */
    public boolean charts(String stratum) {
        int eq = stratum.indexOf('=');
        return strata.contains(eq < 0 ? stratum : stratum.substring(0, eq));
    }
}
