package org.clinval.validation.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.Test;

/** Subgroup accuracy from recorded calls (a graded model's cut) instead of the scores. */
class SubgroupCallsTest {

    @Test
    void recordedCallsDecideTheAccuracyAndScoresTheAuc() {
        boolean[] positive = {true, true, false, false};
        double[] score = {0.9, 0.4, 0.6, 0.1};
        boolean[] calls = {false, true, false, false}; // disagree with score >= 0.5 on purpose
        SubgroupAnalysis.Builder b =
                SubgroupAnalysis.builder()
                        .setCases(positive, score)
                        .setOperatingPoint(0.5, ThresholdRule.GE)
                        .setDirection(Direction.HIGHER)
                        .setLevel(ConfidenceLevel.of(0.95))
                        .setMinimumPerClass(1);
        SubgroupResult byScore = b.build().by("site", new String[] {"A", "A", "A", "A"}).get(0);
        SubgroupResult byCall =
                b.optCalls(calls).build().by("site", new String[] {"A", "A", "A", "A"}).get(0);
        // by score: TP 1 (0.9), FN 1 (0.4), FP 1 (0.6), TN 1; by call: TP 1 (case 2), FN 1, TN 2
        assertThat(byScore.accuracy().matrix().fp()).isEqualTo(1);
        assertThat(byCall.accuracy().matrix().tp()).isEqualTo(1);
        assertThat(byCall.accuracy().matrix().fp()).isZero();
        assertThat(byCall.accuracy().matrix().tn()).isEqualTo(2);
        // the AUC is the scores' either way: 3 of 4 pairs ordered
        assertThat(byCall.auc().orElseThrow().auc()).isEqualTo(0.75);
        assertThat(byScore.auc().orElseThrow().auc()).isEqualTo(0.75);
        assertThatThrownBy(() -> b.optCalls(new boolean[] {true}).build())
                .hasMessage("calls and labels differ in length: 1 vs 4");
    }
}
