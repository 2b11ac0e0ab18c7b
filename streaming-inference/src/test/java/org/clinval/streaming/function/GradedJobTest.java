package org.clinval.streaming.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clinval.streaming.CaseLoader;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.InferenceRun;
import org.clinval.streaming.JobSettings;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.Preprocessor;
import org.clinval.streaming.RunSummary;
import org.clinval.streaming.ScorerFactory;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference job of a grading study on an in-process MiniCluster at parallelism 2: the scorer's
 * class probabilities reach case-results.csv as the grading columns, every case once.
 */
class GradedJobTest {

    private static final List<String> GRADES = List.of("none", "mild", "moderate");

    @TempDir Path dir;

    @Test
    void theClassProbabilitiesReachTheCaseResults() throws Exception {
        List<String> lines = new ArrayList<>(List.of(ParseManifest.HEADER));
        List<GroundTruth> truth = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "c" + i;
            lines.add(CsvLines.line(id, id + "/F1", id + ".dcm", "0".repeat(64), "", ""));
            truth.add(new GroundTruth(id, "A", "F", "60-74", i % 3 == 2 ? 1 : 0));
        }
        Path manifest = Files.write(dir.resolve("manifest.csv"), lines, StandardCharsets.UTF_8);
        // The "image" is the case number; the model puts 0.8 on grade (number mod 3).
        CaseLoader loader =
                in ->
                        new LoadedCase(
                                in.caseId(),
                                in.file(),
                                "OP",
                                "Topcon",
                                1,
                                1,
                                1,
                                1,
                                new float[] {Integer.parseInt(in.caseId().substring(1))});
        Preprocessor prep = image -> image.pixels().clone();
        ScorerFactory scorer = scorer();
        RunSummary s =
                InferenceRun.runGraded(
                        manifest,
                        truth,
                        dir.resolve("run"),
                        loader,
                        prep,
                        scorer,
                        new ScoreCase.Grades(GRADES, 2),
                        List.of("predicted_grade", "p_none", "p_mild", "p_moderate"),
                        new JobSettings(
                                2,
                                0.5,
                                ThresholdRule.GE,
                                "a".repeat(64),
                                "b".repeat(64),
                                Duration.ofSeconds(2)),
                        null);
        assertThat(s.results()).isEqualTo(6);
        List<String> out = Files.readAllLines(s.caseResults());
        assertThat(out.get(0))
                .isEqualTo(
                        "case_id,site,manufacturer,sex,age_band,label,score,prediction,"
                                + "predicted_grade,p_none,p_mild,p_moderate,model_sha256,"
                                + "dataset_sha256");
        assertThat(out.subList(1, out.size()))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith(
                                                "c2,A,Topcon,F,60-74,1,0.8,1,moderate,0.1,0.1,0.8,"))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith(
                                                "c4,A,Topcon,F,60-74,0,0.1,0,mild,0.1,0.8,0.1,"));
    }

    /** A model that puts 0.8 on grade (input mod 3), made in a static context to be shipped. */
    private static ScorerFactory scorer() {
        return () ->
                new ScorerFactory.Scorer() {
                    @Override
                    public double score(float[] input) {
                        return Double.NaN;
                    }

                    @Override
                    public double[] classProbabilities(float[] input) {
                        double[] p = {0.1, 0.1, 0.1};
                        p[(int) input[0] % 3] = 0.8;
                        return p;
                    }

                    @Override
                    public void close() {}
                };
    }
}
