package org.clinval.streaming.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.PreparedCase;
import org.clinval.streaming.ScorerFactory;
import org.junit.jupiter.api.Test;

/** A grading model's class probabilities through the scoring function. */
class ScoreCaseGradingTest {

    private static final List<String> GRADES =
            List.of("none", "mild", "moderate", "severe", "proliferative");

    /** A scorer whose class probabilities are the input itself. */
    private static ScorerFactory vectors() {
        return () ->
                new ScorerFactory.Scorer() {
                    @Override
                    public double score(float[] input) {
                        throw new AssertionError("a grading study asks for the probabilities");
                    }

                    @Override
                    public double[] classProbabilities(float[] input) {
                        double[] p = new double[input.length];
                        for (int i = 0; i < p.length; i++) p[i] = input[i];
                        return p;
                    }

                    @Override
                    public void close() {}
                };
    }

    @Test
    void theVectorGivesTheGradeTheCutProbabilityAndTheProbabilityColumns() throws Exception {
        OneInputStreamOperatorTestHarness<PreparedCase, Outcome> h =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ScoreCase(vectors(), new ScoreCase.Grades(GRADES, 2)));
        h.processElement(
                new PreparedCase("a", "a.dcm", "Topcon", new float[] {.5f, .1f, .15f, .2f, .05f}),
                0);
        // argmax none, but P(moderate or above) = 0.4: the grade and the score are each the model's
        h.processElement(
                new PreparedCase("b", "b.dcm", "Topcon", new float[] {.1f, .1f, .4f, .4f, 0}), 0);
        h.processElement(new PreparedCase("c", "c.dcm", "Topcon", new float[] {.5f, .5f}), 0);
        // an expected-grade model: one output, the grade rounded and clamped, no probabilities
        h.processElement(new PreparedCase("e", "e.dcm", "Topcon", new float[] {2.6f}), 0);
        h.processElement(
                new PreparedCase("d", "d.dcm", "Topcon", new float[] {1.5f, 0, 0, 0, 0}), 0);
        List<Outcome> out = h.extractOutputValues();
        Outcome a = out.get(0);
        assertThat(a.isRejected()).isFalse();
        assertThat(a.score()).isCloseTo(0.4, within(1e-6));
        assertThat(a.measures()).hasSize(6);
        assertThat(a.measures().get(0)).isEqualTo("none");
        assertThat(Double.parseDouble(a.measures().get(3))).isCloseTo(0.15, within(1e-6));
        // a tie goes to the lower grade (the first largest)
        assertThat(out.get(1).measures().get(0)).isEqualTo("moderate");
        assertThat(out.get(1).score()).isCloseTo(0.8, within(1e-6));
        assertThat(out.get(2).rejectedAt()).isEqualTo("inference");
        assertThat(out.get(2).reason())
                .isEqualTo(
                        "model returned 2 class probabilities; the protocol's scale has 5 grades");
        assertThat(out.get(3).measures()).containsExactly("severe", "", "", "", "", "");
        assertThat(out.get(3).score()).isCloseTo(2.6, within(1e-6));
        assertThat(out.get(4).reason())
                .isEqualTo("model returned a probability of none outside [0, 1]: 1.5");
        h.close();
    }

    @Test
    void withoutGradesTheScorerIsAskedForItsScore() {
        ScorerFactory.Scorer plain =
                new ScorerFactory.Scorer() {
                    @Override
                    public double score(float[] input) {
                        return 0.7;
                    }

                    @Override
                    public void close() {}
                };
        try {
            assertThat(plain.classProbabilities(new float[] {0})).containsExactly(0.7);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(new ProcessOperator<>(new ScoreCase(vectors()))).isNotNull();
    }
}
