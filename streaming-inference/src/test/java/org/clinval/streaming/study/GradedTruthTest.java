package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinval.common.grading.GradeReference;
import org.clinval.common.grading.GradeScale;
import org.clinval.common.grading.ReferenceRule;
import org.clinval.imaging.dataset.CheckOptions;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graded reference standard: the reference grade by the protocol's rule, the case-level label at
 * the first endpoint's cut, and the cases without a reference grade quarantined with the reason;
 * then the case results completed with truth_grade and the graded prediction.
 */
class GradedTruthTest {

    static final GradeScale SCALE =
            new GradeScale(List.of("none", "mild", "moderate", "severe", "proliferative"));
    static final GradingTask MAJORITY =
            new GradingTask(
                    SCALE,
                    new GradeReference(
                            ReferenceRule.MAJORITY,
                            List.of("grader_1", "grader_2", "grader_3"),
                            Optional.of("adjudicated")),
                    2);

    @TempDir static Path tmp;
    static PhantomStudy study;

    @BeforeAll
    static void phantoms() throws Exception {
        study =
                PhantomStudyWriter.write(
                        PhantomGenerator.builder()
                                .setSeed(3)
                                .setSize(64)
                                .setPrevalence(0.5)
                                .build(),
                        5,
                        tmp.resolve("study"));
    }

    private static Path truth(String... lines) throws Exception {
        return Files.write(tmp.resolve("gt.csv"), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void theRuleGradesEachRowAndTiesWithoutAnAdjudicatedGradeAreQuarantined() throws Exception {
        Path gt =
                truth(
                        "case_id,image,grader_1,grader_2,grader_3,adjudicated",
                        "a,case-0001/,moderate,moderate,severe,",
                        "b,case-0002/,none,mild,moderate,mild",
                        "c,case-0003/,0,0,1,",
                        "d,case-0004/,mild,severe,,",
                        "e,case-0005/,mild,extreme,mild,");
        GroundTruthTable t = GroundTruthTable.read(gt, "1", Optional.of(MAJORITY));
        assertThat(t.problems()).isEmpty();
        assertThat(t.rows())
                .extracting(GroundTruthRow::caseId, GroundTruthRow::grade, GroundTruthRow::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 2, "1"),
                        org.assertj.core.groups.Tuple.tuple("b", 1, "0"),
                        org.assertj.core.groups.Tuple.tuple("c", 0, "0"),
                        org.assertj.core.groups.Tuple.tuple("d", -1, "0"),
                        org.assertj.core.groups.Tuple.tuple("e", -1, "0"));
        assertThat(t.rows().get(3).gradeReason())
                .isEqualTo(
                        "the graders tie between mild (1) and severe (1) and the adjudicated"
                                + " column 'adjudicated' is empty");
        assertThat(t.rows().get(4).gradeReason())
                .startsWith("column 'grader_2': 'extreme' is not a grade, one of none, mild");

        CasePlan plan =
                StudyInputs.plan(
                        study.dicom(),
                        gt,
                        "1",
                        CheckOptions.of(List.of("CT")),
                        n -> {},
                        false,
                        Optional.of(MAJORITY));
        assertThat(plan.problems()).isEmpty();
        Map<String, String> reasons = new TreeMap<>();
        plan.cases().forEach(c -> reasons.put(c.caseId(), c.reason()));
        assertThat(reasons)
                .containsEntry("a", "")
                .containsEntry(
                        "d",
                        "no reference grade (line 5): the graders tie between mild (1) and severe"
                                + " (1) and the adjudicated column 'adjudicated' is empty");
        assertThat(plan.usable()).extracting(PlannedCase::caseId).containsExactly("a", "b", "c");
    }

    @Test
    void aMissingGraderColumnBlocksTheStudyAsAMissingLabelDoes() throws Exception {
        Path gt = truth("case_id,grader_1,grader_2", "a,none,none");
        GroundTruthTable t = GroundTruthTable.read(gt, "1", Optional.of(MAJORITY));
        assertThat(t.problems())
                .extracting(Object::toString)
                .satisfiesExactly(
                        p -> assertThat(p).contains("line 1: no column 'grader_3'"),
                        p -> assertThat(p).contains("line 1: no column 'adjudicated'"));
    }

    @Test
    void theCaseResultsGainTheTruthGradeAndTheGradedPrediction() throws Exception {
        Path gt =
                truth(
                        "case_id,image,grader_1,grader_2,grader_3,adjudicated",
                        "a,case-0001/,moderate,moderate,severe,",
                        "b,case-0002/,none,mild,moderate,mild");
        CasePlan plan =
                StudyInputs.plan(
                        study.dicom(),
                        gt,
                        "1",
                        CheckOptions.of(List.of("CT")),
                        n -> {},
                        false,
                        Optional.of(MAJORITY));
        Path results = tmp.resolve("case-results.csv");
        Files.writeString(
                results,
                "case_id,site,manufacturer,sex,age_band,label,score,prediction,predicted_grade,"
                        + "p_none,p_mild,p_moderate,p_severe,p_proliferative,model_sha256,"
                        + "dataset_sha256\n"
                        // P(moderate or above) 0.6 at threshold 0.5 said 1; the grade says 0
                        + "a,,,,,1,0.6,1,none,0.4,0,0.3,0.3,0,x,y\n"
                        + "b,,,,,0,0.1,0,mild,0.2,0.7,0.1,0,0,x,y\n");
        GradingResultsCsv.regrade(results, plan, MAJORITY);
        assertThat(Files.readAllLines(results))
                .containsExactly(
                        "case_id,site,manufacturer,sex,age_band,label,score,prediction,truth_grade,"
                                + "predicted_grade,p_none,p_mild,p_moderate,p_severe,"
                                + "p_proliferative,model_sha256,dataset_sha256",
                        "a,,,,,1,0.6,0,moderate,none,0.4,0,0.3,0.3,0,x,y",
                        "b,,,,,0,0.1,0,mild,mild,0.2,0.7,0.1,0,0,x,y");
    }
}
