package org.clinval.imaging.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinval.common.Sha256;
import org.clinval.imaging.phantom.FundusGenerator;
import org.clinval.imaging.testing.Python;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaWeights;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The committed reference grader: its files, its descriptor, and that it grades phantoms. */
class ReferenceGraderTest {

    private static byte[] resource(String name) throws Exception {
        try (InputStream in =
                ReferenceGraderTest.class.getResourceAsStream(
                        GraderTrainer.RESOURCE_FOLDER + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theDescriptorIsAGradingDescriptorAndNamesTheWeights() throws Exception {
        byte[] weights = resource("dr-grader.params");
        assertThat(weights.length).isLessThan(2_000_000);
        Map<String, Object> d =
                new Yaml().load(new String(resource("descriptor.yaml"), StandardCharsets.UTF_8));
        assertThat(d.get("task")).isEqualTo("grading");
        assertThat(d.get("sha256")).isEqualTo(Sha256.of(weights));
        assertThat(d.get("grades")).isEqualTo(FundusGenerator.GRADES);
        assertThat(d.get("input")).isEqualTo(Map.of("channels", 3, "height", 128, "width", 128));
        assertThat(d.get("output")).isEqualTo(Map.of("kind", "logit", "classes", 5));
        assertThat(new String(resource("MODEL_CARD.md"), StandardCharsets.UTF_8))
                .contains(Sha256.of(weights));
    }

    /**
     * The weights grade fresh phantoms (a seed used nowhere else) far better than chance; the kappa
     * validation computes from the predictions equals numpy's from the definition. Reference call:
     * {@code /usr/bin/python3 src/test/python/weighted_kappa.py 5 TRUTH PREDICTED}.
     */
    @Test
    void theWeightsGradeFreshPhantoms() throws Exception {
        Map<String, Object> d =
                new Yaml().load(new String(resource("descriptor.yaml"), StandardCharsets.UTF_8));
        Map<?, ?> std =
                (Map<?, ?>)
                        ((Map<?, ?>) ((List<?>) d.get("preprocessing")).get(2)).get("standardize");
        List<GraderEvaluation.Graded> g =
                GraderEvaluation.run(
                        resource("dr-grader.params"),
                        doubles(std.get("mean")),
                        doubles(std.get("std")),
                        FundusGenerator.builder().setSeed(4_400_556L).setSize(256).build(),
                        40);
        long[][] t = new long[5][5];
        for (GraderEvaluation.Graded c : g) {
            t[c.grade()][c.predicted()]++;
            assertThat(java.util.Arrays.stream(c.probabilities()).sum()).isCloseTo(1, within(1e-5));
        }
        double kappa =
                CohenKappa.of(
                                AgreementTable.of(FundusGenerator.GRADES, t),
                                KappaWeights.QUADRATIC,
                                ConfidenceLevel.of(0.95))
                        .kappa()
                        .orElseThrow();
        String truth = g.stream().map(c -> "" + c.grade()).collect(Collectors.joining(","));
        String pred = g.stream().map(c -> "" + c.predicted()).collect(Collectors.joining(","));
        double ref =
                new ObjectMapper()
                        .readTree(Python.run("weighted_kappa.py", "5", truth, pred))
                        .get("kappa")
                        .asDouble();
        assertThat(kappa).isCloseTo(ref, within(1e-9));
        assertThat(kappa).isGreaterThan(0.6);
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
