package org.clinval.validation.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.clinval.validation.ConfidenceLevel;
import org.junit.jupiter.api.Test;

class PredictiveValuesTest {

    /**
     * At the sample's own prevalence the adjusted values equal the sample PPV and NPV (Bayes'
     * theorem is then an identity), whatever the counts.
     */
    @Test
    void atTheSamplePrevalenceEqualsTheSampleValues() {
        ConfusionMatrix m = new ConfusionMatrix(45, 12, 88, 5);
        double prevalence = 50.0 / 150;
        PredictiveValues pv =
                PredictiveValues.atPrevalence(m, prevalence, ConfidenceLevel.of(0.95));
        assertThat(pv.ppv().estimate().getAsDouble()).isCloseTo(45.0 / 57, within(1e-12));
        assertThat(pv.npv().estimate().getAsDouble()).isCloseTo(88.0 / 93, within(1e-12));
    }

    /**
     * Mercaldo, Lau, Zhou (2007), Stat Med 26:2170, logit interval. Reference computed in R 4.2.2
     * from the paper's formula: {@code se <- 45/50; sp <- 88/100; pi <- 0.05; l <- log(se*pi /
     * ((1-sp)*(1-pi))); v <- (1-se)/(se*50) + sp/((1-sp)*100); plogis(l + c(-1, 1) * qnorm(0.975) *
     * sqrt(v))} = 0.1872044104 0.4035263228 (estimate plogis(l) = 0.2830188679).
     */
    @Test
    void logitIntervalAtALowPrevalence() {
        ConfusionMatrix m = new ConfusionMatrix(45, 12, 88, 5);
        PredictiveValues pv = PredictiveValues.atPrevalence(m, 0.05, ConfidenceLevel.of(0.95));
        assertThat(pv.ppv().estimate().getAsDouble()).isCloseTo(0.2830188679, within(1e-9));
        assertThat(pv.ppv().interval().orElseThrow().lower()).isCloseTo(0.1872044104, within(1e-9));
        assertThat(pv.ppv().interval().orElseThrow().upper()).isCloseTo(0.4035263228, within(1e-9));
    }

    @Test
    void perfectSpecificityGivesAnEstimateButNoLogitInterval() {
        ConfusionMatrix m = new ConfusionMatrix(30, 0, 70, 10);
        PredictiveValues pv = PredictiveValues.atPrevalence(m, 0.1, ConfidenceLevel.of(0.95));
        assertThat(pv.ppv().estimate().getAsDouble()).isEqualTo(1.0);
        assertThat(pv.ppv().interval()).isEmpty();
        assertThat(pv.ppv().undefinedReason().orElseThrow())
                .contains("sensitivity or specificity is 0 or 1");
        assertThat(pv.npv().interval()).isPresent();
    }

    @Test
    void rejectsAPrevalenceOutsideTheOpenUnitInterval() {
        ConfusionMatrix m = new ConfusionMatrix(1, 1, 1, 1);
        assertThatThrownBy(() -> PredictiveValues.atPrevalence(m, 1.0, ConfidenceLevel.of(0.95)))
                .hasMessage("prevalence is not in (0, 1): 1.0");
    }
}
