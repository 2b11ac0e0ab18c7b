package org.clinval.validation.multiclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.clinval.validation.ConfidenceLevel;
import org.junit.jupiter.api.Test;

/** Edge and invariance cases of the multi-class statistics. */
class MulticlassTest {

    private static final List<String> ABC = List.of("a", "b", "c");
    private static final ConfidenceLevel L95 = ConfidenceLevel.of(0.95);

    @Test
    void perfectSeparationGivesHandTillOneAndAPairPerObservedClassPair() {
        GradedCases g =
                GradedCases.of(
                        ABC,
                        new int[] {0, 1, 2, 0},
                        new int[] {0, 1, 2, 0},
                        new double[][] {{.8, .1, .1}, {.1, .8, .1}, {.1, .1, .8}, {.7, .2, .1}});
        HandTillAuc h = HandTill.auc(g);
        assertThat(h.auc().getAsDouble()).isEqualTo(1.0);
        assertThat(h.pairs()).containsOnlyKeys("a/b", "a/c", "b/c");
    }

    @Test
    void permutingClassesTogetherWithColumnsLeavesHandTillUnchanged() {
        double[][] p = {{.5, .3, .2}, {.2, .5, .3}, {.4, .4, .2}, {.1, .3, .6}, {.3, .3, .4}};
        int[] truth = {0, 1, 0, 2, 1};
        double[][] q = new double[p.length][];
        int[] t2 = new int[truth.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = new double[] {p[i][2], p[i][0], p[i][1]}; // new class 0 = old 2, ...
            t2[i] = (truth[i] + 1) % 3;
        }
        double a = HandTill.auc(GradedCases.of(ABC, truth, truth, p)).auc().getAsDouble();
        double b = HandTill.auc(GradedCases.of(ABC, t2, t2, q)).auc().getAsDouble();
        assertThat(b).isCloseTo(a, within(1e-15));
    }

    @Test
    void oneObservedClassLeavesHandTillAndMacroAucUndefinedWithAReason() {
        GradedCases g =
                GradedCases.of(
                        ABC,
                        new int[] {1, 1},
                        new int[] {0, 1},
                        new double[][] {{.5, .3, .2}, {.2, .5, .3}});
        HandTillAuc h = HandTill.auc(g);
        assertThat(h.auc()).isEmpty();
        assertThat(h.undefinedReason()).get().asString().contains("1 observed class");
        List<ClassAccuracy> ovr = OneVsRest.of(g, L95);
        assertThat(ovr.get(1).auc()).isEmpty();
        assertThat(ovr.get(1).aucUndefinedReason()).get().asString().contains("b is undefined");
        assertThat(ovr.get(0).sensitivity().isDefined()).isFalse();
        assertThat(OneVsRest.macroAuc(ovr)).isEmpty();
    }

    @Test
    void confusionMatrixHasReferenceRowsAndModelColumns() {
        GradedCases g =
                GradedCases.of(
                        ABC,
                        new int[] {0, 2, 2},
                        new int[] {1, 2, 0},
                        new double[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        assertThat(g.confusion().counts())
                .isEqualTo(new long[][] {{0, 1, 0}, {0, 0, 0}, {1, 0, 1}});
    }

    @Test
    void badInputIsRefusedNamingTheCase() {
        assertThatThrownBy(
                        () ->
                                GradedCases.of(
                                        ABC,
                                        new int[] {0, 3},
                                        new int[] {0, 0},
                                        new double[][] {{1, 0, 0}, {1, 0, 0}}))
                .hasMessageContaining("case index 1: reference grade 3 is not in [0, 3)");
        assertThatThrownBy(
                        () ->
                                GradedCases.of(
                                        ABC,
                                        new int[] {0},
                                        new int[] {0},
                                        new double[][] {{1, Double.NaN, 0}}))
                .hasMessageContaining("probability of b is not finite");
        GradedCases g =
                GradedCases.of(ABC, new int[] {0}, new int[] {0}, new double[][] {{1, 0, 0}});
        assertThatThrownBy(() -> GradeCut.of(g, 0, L95)).hasMessageContaining("not in [1, 3)");
    }

    @Test
    void anExpectedGradeModelHasKappaAndCutsButNoAuc() {
        GradedCases g =
                GradedCases.withoutProbabilities(
                        ABC, new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1});
        assertThat(g.hasProbabilities()).isFalse();
        assertThat(g.confusion().count(1, 2)).isEqualTo(1);
        assertThat(GradeCut.of(g, 2, L95).sensitivity().successes()).isEqualTo(1);
        assertThat(OneVsRest.of(g, L95).get(0).auc()).isEmpty();
        assertThat(OneVsRest.of(g, L95).get(0).aucUndefinedReason())
                .get()
                .asString()
                .endsWith("without class probabilities");
        assertThat(HandTill.auc(g).auc()).isEmpty();
        assertThatThrownBy(() -> g.probability(0, 0)).isInstanceOf(IllegalStateException.class);
    }
}
