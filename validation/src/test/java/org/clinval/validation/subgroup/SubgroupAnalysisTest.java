package org.clinval.validation.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import org.junit.jupiter.api.Test;

class SubgroupAnalysisTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    private final boolean[] positive;
    private final double[] score;
    private final String[] site;

    SubgroupAnalysisTest() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        positive = new boolean[n];
        score = new double[n];
        site = new String[n];
        for (int i = 0; i < n; i++) {
            // A: 300 cases, 90 positive; B: 90 cases, 27 positive; C: 10 cases, none positive.
            site[i] = i < 300 ? "A" : i < 390 ? "B" : "C";
            positive[i] = !site[i].equals("C") && i % 10 < 3;
            score[i] = (positive[i] ? 1.0 : 0.0) + r.nextGaussian();
        }
    }

    private SubgroupAnalysis analysis() {
        return SubgroupAnalysis.builder()
                .setCases(positive, score)
                .setOperatingPoint(0.5, ThresholdRule.GE)
                .setDirection(Direction.HIGHER)
                .setLevel(LEVEL)
                .setMinimumPerClass(30)
                .optMaximumWidth(0.3, BinomialInterval.CLOPPER_PEARSON)
                .build();
    }

    @Test
    void eachSubgroupGetsExactlyTheEstimatesOfItsOwnCases() {
        List<SubgroupResult> results = analysis().by("site", site);
        assertThat(results).extracting(SubgroupResult::value).containsExactly("A", "B", "C");
        assertThat(results.stream().mapToInt(SubgroupResult::n).sum()).isEqualTo(positive.length);

        SubgroupResult a = results.get(0);
        boolean[] p = Arrays.copyOfRange(positive, 0, 300);
        double[] s = Arrays.copyOfRange(score, 0, 300);
        DiagnosticAccuracy direct =
                DiagnosticAccuracy.of(ConfusionMatrix.of(p, s, 0.5, ThresholdRule.GE), LEVEL);
        assertThat(a.accuracy()).isEqualTo(direct);
        assertThat(a.auc().orElseThrow().auc())
                .isCloseTo(
                        DeLong.auc(RocInput.of(p, s, Direction.HIGHER), LEVEL).auc(), within(0.0));
    }

    @Test
    void smallSubgroupsAreFlaggedWithTheReason() {
        List<SubgroupResult> results = analysis().by("site", site);
        SubgroupResult a = results.get(0);
        SubgroupResult b = results.get(1);
        assertThat(a.isSmall()).isFalse();
        assertThat(b.isSmall()).isTrue();
        assertThat(b.warnings())
                .anyMatch(w -> w.equals("site = B: 27 positive cases, fewer than the minimum 30"));
        assertThat(b.warnings()).anyMatch(w -> w.contains("sensitivity clopper_pearson interval"));
    }

    @Test
    void aSubgroupWithoutPositivesHasNoAucAndSaysWhy() {
        SubgroupResult c = analysis().by("site", site).get(2);
        assertThat(c.auc()).isEmpty();
        assertThat(c.aucUndefinedReason().orElseThrow())
                .isEqualTo("AUC is undefined: the subgroup has 0 positive and 10 negative cases");
        assertThat(c.accuracy().sensitivity().estimate()).isEmpty();
    }

    @Test
    void requiredChoicesAreNamedWhenMissing() {
        assertThatThrownBy(() -> SubgroupAnalysis.builder().setCases(positive, score).build())
                .hasMessage(
                        "subgroup analysis is missing: operating point, direction, level, minimum per class");
    }
}
