package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.grading.ReferenceRule;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grading block of a protocol, its measures and their problems, each named by its key. */
class GradingProtocolTest {

    private static final String AUC =
            """
                  measure: auc
                  ci_lower_min: 0.8
                  ci_method: delong
                  level: 0.95
            """;

    private static final String GRADING =
            """
            task: grading
            grading:
              grades: [none, mild, moderate, severe, proliferative]
              reference: {rule: majority, graders: [grader_1, grader_2, grader_3]}
              endpoints:
                - {id: referable, name: referable DR, min_grade: moderate}
                - {id: vision_threatening, name: vision-threatening DR, min_grade: 3}
            """;

    @TempDir Path dir;

    private Path protocol;

    private List<String> problems(String top, String criterion) throws Exception {
        protocol = StudyFixture.in(dir).write();
        Files.writeString(protocol, top + Files.readString(protocol).replace(AUC, criterion));
        return ProtocolReader.check(protocol).stream()
                .map(p -> p.path() + ": " + p.what())
                .toList();
    }

    private static String criterion(String... lines) {
        StringBuilder s = new StringBuilder();
        for (String l : lines) s.append("      ").append(l).append('\n');
        return s.toString();
    }

    @Test
    void aGradingProtocolReadsItsScaleRuleEndpointsAndDefaults() throws Exception {
        assertThat(
                        problems(
                                GRADING,
                                criterion(
                                        "measure: sensitivity",
                                        "grading_endpoint: vision_threatening",
                                        "superiority_goal: 0.85",
                                        "alpha: 0.025")))
                .isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.task()).isEqualTo(Task.GRADING);
        GradingSettings g = p.grading().orElseThrow();
        assertThat(g.scale().grades()).hasSize(5);
        assertThat(g.reference().rule()).isEqualTo(ReferenceRule.MAJORITY);
        assertThat(g.endpoints())
                .extracting(GradingEndpoint::id, GradingEndpoint::minGrade)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("referable", 2),
                        org.assertj.core.groups.Tuple.tuple("vision_threatening", 3));
        Criterion c = p.endpoints().get(1).criterion();
        assertThat(c.gradingEndpoint()).contains("vision_threatening");
        assertThat(c.superiorityGoal()).hasValue(0.85);
        assertThat(c.ciMethod()).isEqualTo(CiMethod.CLOPPER_PEARSON);
        assertThat(c.level().value()).isEqualTo(0.95); // 1 - 2 x 0.025
        assertThat(c.describe())
                .isEqualTo(
                        "sensitivity (vision_threatening) superior to 0.85 at the one-sided 2.5%"
                                + " level (exact binomial test)");
    }

    @Test
    void kappaTakesTheFleissCohenEverittIntervalByDefault() throws Exception {
        assertThat(
                        problems(
                                GRADING,
                                criterion(
                                        "measure: kappa_quadratic",
                                        "estimate_min: 0.80",
                                        "ci_lower_min: 0.75",
                                        "level: 0.95")))
                .isEmpty();
        Criterion c = ProtocolReader.read(protocol).endpoints().get(1).criterion();
        assertThat(c.ciMethod()).isEqualTo(CiMethod.FLEISS_COHEN_EVERITT);
    }

    @Test
    void aGradingProtocolMayLeaveOutTheOperatingPointWhichEveryOtherTaskNeeds() throws Exception {
        String point =
                """
                operating_point:
                  threshold: 0.5
                  rule: ">="
                  positive_class: malignant
                  direction: higher
                """;
        protocol = StudyFixture.in(dir).write();
        String text = Files.readString(protocol);
        assertThat(text).contains(point);
        Files.writeString(protocol, GRADING + text.replace(point, ""));
        assertThat(ProtocolReader.check(protocol)).isEmpty();
        OperatingPoint p = ProtocolReader.read(protocol).operatingPoint();
        assertThat(p.positiveClass()).isEqualTo("1");
        assertThat(p.direction()).isEqualTo(org.clinval.validation.Direction.HIGHER);

        Files.writeString(protocol, text.replace(point, ""));
        assertThat(ProtocolReader.check(protocol))
                .extracting(x -> x.path() + ": " + x.what())
                .anyMatch(x -> x.contains("operating_point") && x.contains("required"));
    }

    @Test
    void gradingMeasuresAndBlocksAreRefusedInAnotherTask() throws Exception {
        assertThat(problems("", criterion("measure: kappa", "estimate_min: 0.8", "level: 0.95")))
                .singleElement()
                .asString()
                .startsWith(
                        "endpoints[1].criterion.measure: endpoint EP2: kappa is a grading measure,"
                                + " but the protocol's task is classification");
        assertThat(problems(GRADING.replace("task: grading\n", ""), AUC))
                .containsExactly(
                        "grading: is only for task: grading; this protocol's task is"
                                + " classification");
        assertThat(problems("task: grading\n", AUC))
                .containsExactly(
                        "grading: is required by task: grading (grades, reference and endpoints)");
    }

    @Test
    void everyGradingProblemIsNamedByItsKey() throws Exception {
        String bad =
                """
                task: grading
                grading:
                  grades: [none, mild, mild]
                  reference: {rule: majority, graders: [grader_1]}
                  endpoints:
                    - {id: referable, name: referable DR, min_grade: none}
                    - {id: other, name: other, min_grade: extreme}
                """;
        assertThat(problems(bad, AUC))
                .contains(
                        "grading.grades[2]: 'mild' is listed twice",
                        "grading.reference.graders: has 1: a majority needs at least 2 graders'"
                                + " columns");
        String rule =
                GRADING.replace(
                        "{rule: majority, graders: [grader_1, grader_2, grader_3]}",
                        "{rule: grader}");
        assertThat(problems(rule, AUC))
                .containsExactly(
                        "grading.reference.column: is required by rule: grader (the ground"
                                + " truth's column of the grader)");
        String lowest = GRADING.replace("min_grade: moderate", "min_grade: none");
        assertThat(problems(lowest, AUC))
                .containsExactly(
                        "grading.endpoints[0].min_grade: 'none' is the lowest grade: every case"
                                + " would be positive (choose mild or above)");
        String unknown = GRADING.replace("min_grade: 3", "min_grade: extreme");
        assertThat(problems(unknown, AUC))
                .containsExactly(
                        "grading.endpoints[1].min_grade: 'extreme' is not a grade, one of none,"
                                + " mild, moderate, severe, proliferative (or 0 to 4)");
    }

    @Test
    void criteriaOfACutAreChecked() throws Exception {
        assertThat(
                        problems(
                                GRADING,
                                criterion(
                                        "measure: sensitivity",
                                        "grading_endpoint: referral",
                                        "superiority_goal: 0.85")))
                .containsExactlyInAnyOrder(
                        "endpoints[1].criterion.grading_endpoint: 'referral' is not an id of"
                                + " grading.endpoints (referable, vision_threatening)",
                        "endpoints[1].criterion.alpha: is required by superiority_goal: the"
                                + " one-sided significance level");
        assertThat(problems(GRADING, criterion("measure: auc_hand_till", "ci_lower_min: 0.8")))
                .containsExactly(
                        "endpoints[1].criterion.ci_lower_min: is not a bound of auc_hand_till: it"
                                + " is estimated without an interval (state estimate_min)");
        assertThat(
                        problems(
                                GRADING,
                                criterion(
                                        "measure: auc",
                                        "superiority_goal: 0.85",
                                        "alpha: 0.025",
                                        "ci_method: delong",
                                        "level: 0.95")))
                .containsExactly(
                        "endpoints[1].criterion.superiority_goal: is only for sensitivity and"
                                + " specificity, not auc");
    }

    @Test
    void theScaleMustBeTheModelsGrades() throws Exception {
        assertThat(problems(GRADING, AUC)).isEmpty();
        Files.writeString(
                dir.resolve("model/model.json"),
                "{\"name\": \"stand-in\", \"grades\": [\"R0\", \"R1\", \"R2\", \"R3\", \"R4\"]}\n");
        assertThat(ProtocolReader.check(protocol).stream().map(p -> p.path() + ": " + p.what()))
                .containsExactly(
                        "grading.grades: [none, mild, moderate, severe, proliferative] are not the"
                                + " model's grades [R0, R1, R2, R3, R4] (device.model's grades, in"
                                + " the same order)");
    }
}
