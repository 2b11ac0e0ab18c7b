package org.clinval.streaming.function;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.PreparedCase;
import org.clinval.streaming.ScorerFactory;

/**
 * Runs the model: one scorer per parallel subtask, opened once in {@link #open} and closed with the
 * subtask. A non-finite score is an inference failure, never a result.
 */
public final class ScoreCase extends ProcessFunction<PreparedCase, Outcome> {

    private static final long serialVersionUID = 1L;

    private final ScorerFactory factory;
    private final Grades grades;
    private transient ScorerFactory.Scorer scorer;

    public ScoreCase(ScorerFactory factory) {
        this(factory, null);
    }

    /**
     * Runs a grading model: its class probabilities give the outcome's score (the probability of a
     * grade at or above the case-level cut) and its task values ({@code predicted_grade}, the first
     * grade of the largest probability, then {@code p_<grade>} in scale order).
     */
    public ScoreCase(ScorerFactory factory, Grades grades) {
        this.factory = factory;
        this.grades = grades;
    }

    /**
     * The grade scale of a grading model and the case-level cut.
     *
     * @param names the grade names, lowest first
     * @param minGrade the smallest grade of the case-level endpoint
     */
    public record Grades(java.util.List<String> names, int minGrade)
            implements java.io.Serializable {
        public Grades {
            names = java.util.List.copyOf(names);
        }
    }

    @Override
    public void open(OpenContext context) throws Exception {
        scorer = factory.open();
    }

    @Override
    public void processElement(PreparedCase in, Context ctx, Collector<Outcome> out) {
        if (grades != null) {
            out.collect(graded(in));
            return;
        }
        double score;
        try {
            score = scorer.score(in.input());
        } catch (Exception e) {
            out.collect(
                    Outcome.rejected(
                            in.caseId(),
                            in.file(),
                            in.manufacturer(),
                            "inference",
                            "model failed: " + e.getMessage()));
            return;
        }
        if (!Double.isFinite(score)) {
            out.collect(
                    Outcome.rejected(
                            in.caseId(),
                            in.file(),
                            in.manufacturer(),
                            "inference",
                            "model returned a non-finite score: " + score));
            return;
        }
        out.collect(Outcome.scored(in.caseId(), in.file(), in.manufacturer(), score));
    }

    private Outcome graded(PreparedCase in) {
        double[] p;
        try {
            p = scorer.classProbabilities(in.input());
        } catch (Exception e) {
            return Outcome.rejected(
                    in.caseId(),
                    in.file(),
                    in.manufacturer(),
                    "inference",
                    "model failed: " + e.getMessage());
        }
        int k = grades.names().size();
        if (p.length == 1 && k > 1) {
            return expected(in, p[0], k);
        }
        if (p.length != k) {
            return Outcome.rejected(
                    in.caseId(),
                    in.file(),
                    in.manufacturer(),
                    "inference",
                    "model returned "
                            + p.length
                            + " class probabilities; the protocol's scale has "
                            + k
                            + " grades");
        }
        int best = 0;
        double atOrAbove = 0;
        java.util.List<String> measures = new java.util.ArrayList<>();
        measures.add("");
        for (int g = 0; g < k; g++) {
            if (!(p[g] >= 0 && p[g] <= 1)) {
                return Outcome.rejected(
                        in.caseId(),
                        in.file(),
                        in.manufacturer(),
                        "inference",
                        "model returned a probability of "
                                + grades.names().get(g)
                                + " outside [0, 1]: "
                                + p[g]);
            }
            if (p[g] > p[best]) best = g;
            if (g >= grades.minGrade()) atOrAbove += p[g];
            measures.add(Double.toString(p[g]));
        }
        measures.set(0, grades.names().get(best));
        return Outcome.measured(
                in.caseId(), in.file(), in.manufacturer(), Math.min(1, atOrAbove), measures);
    }

    /**
     * An expected-grade model's output: the score is the expected grade, the model's grade is it
     * rounded and clamped to the scale, and there are no class probabilities (empty columns).
     */
    private Outcome expected(PreparedCase in, double e, int k) {
        if (!Double.isFinite(e)) {
            return Outcome.rejected(
                    in.caseId(),
                    in.file(),
                    in.manufacturer(),
                    "inference",
                    "model returned a non-finite expected grade: " + e);
        }
        int grade = (int) Math.max(0, Math.min(k - 1, Math.round(e)));
        java.util.List<String> measures = new java.util.ArrayList<>();
        measures.add(grades.names().get(grade));
        for (int g = 0; g < k; g++) measures.add("");
        return Outcome.measured(in.caseId(), in.file(), in.manufacturer(), e, measures);
    }

    @Override
    public void close() throws Exception {
        if (scorer != null) {
            scorer.close();
        }
    }
}
