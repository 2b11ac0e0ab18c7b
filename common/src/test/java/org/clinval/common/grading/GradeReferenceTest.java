package org.clinval.common.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference rules on single rows, by grade name and index. */
class GradeReferenceTest {

    private static final GradeScale SCALE = new GradeScale(List.of("none", "mild", "moderate"));

    private static GradeReference.Resolution resolve(GradeReference r, Map<String, String> row) {
        return r.resolve(SCALE, c -> row.getOrDefault(c, ""));
    }

    @Test
    void aMajorityIgnoresBlanksAndAcceptsIndices() {
        GradeReference r =
                new GradeReference(
                        ReferenceRule.MAJORITY, List.of("a", "b", "c"), Optional.empty());
        assertThat(resolve(r, Map.of("a", "2", "b", "moderate", "c", "none")).grade()).hasValue(2);
        assertThat(resolve(r, Map.of("a", "mild", "b", "mild")).grade()).hasValue(1);
        assertThat(resolve(r, Map.of()).reason())
                .isEqualTo("no grader graded the case (columns [a, b, c])");
        assertThat(resolve(r, Map.of("a", "none", "b", "mild")).reason())
                .isEqualTo(
                        "the graders tie between none (1) and mild (1) and the protocol names no"
                                + " adjudicated column to break it (grading.reference.column)");
    }

    @Test
    void aTieGoesToTheAdjudicatedColumn() {
        GradeReference r =
                new GradeReference(ReferenceRule.MAJORITY, List.of("a", "b"), Optional.of("adj"));
        assertThat(resolve(r, Map.of("a", "none", "b", "mild", "adj", "moderate")).grade())
                .hasValue(2);
        assertThat(resolve(r, Map.of("a", "none", "b", "mild", "adj", "7")).reason())
                .isEqualTo(
                        "the graders tie between none (1) and mild (1); column 'adj': '7' is not"
                                + " a grade, one of none, mild, moderate (or 0 to 2)");
    }

    @Test
    void adjudicatedAndGraderReadOneColumn() {
        GradeReference adj =
                new GradeReference(ReferenceRule.ADJUDICATED, List.of("a", "b"), Optional.of("x"));
        assertThat(resolve(adj, Map.of("a", "none", "x", "mild")).grade()).hasValue(1);
        assertThat(resolve(adj, Map.of("a", "none")).reason()).isEqualTo("column 'x' is empty");
        assertThat(adj.columns()).containsExactly("a", "b", "x");
        assertThatThrownBy(
                        () -> new GradeReference(ReferenceRule.GRADER, List.of(), Optional.empty()))
                .hasMessage("rule grader needs a column");
        assertThatThrownBy(() -> new GradeScale(List.of("a", "a")))
                .hasMessage("grade is listed twice: a");
        assertThat(SCALE.parse("3")).isEmpty();
        assertThat(SCALE.parse(" mild ")).hasValue(1);
    }
}
