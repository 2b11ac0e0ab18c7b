package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ProportionAnalysis} against an independent numpy/scipy implementation ({@code
 * validation/src/test/python/mrmc_proportion_reference.py}, numpy 1.24.2, scipy 1.10.1) that
 * enumerates every pair of reads instead of iMRMC's sums of totals: four studies (binary reads, 1–5
 * ratings cut at 3, a split plot with a missing read, scores where low means positive), both
 * measures, each modality and the difference, to 1e-12.
 */
class ProportionAnalysisTest {

    @ParameterizedTest
    @CsvSource({
        "binary, HIGHER, 1, GE",
        "rating, HIGHER, 3, GE",
        "splitplot, HIGHER, 1, GE",
        "lower, LOWER, -0.25, GT"
    })
    void agreesWithTheIndependentImplementation(
            String name, Direction direction, double threshold, ThresholdRule rule)
            throws Exception {
        ReaderStudy study =
                MrmcFiles.readCsv(MrmcData.resource("proportion_" + name + ".csv"), direction);
        Map<String, Double> ref = new HashMap<>();
        for (String line : Files.readAllLines(MrmcData.resource("proportion_reference.csv"))) {
            String[] f = line.split(",");
            if (!f[0].equals(name)) continue;
            ref.put(f[4] + "|" + f[5] + "|" + f[6] + "|" + f[7], Double.parseDouble(f[8]));
        }
        assertThat(study.modalities()).containsExactly("unaided", "aided");
        int checked = 0;
        int undefined = 0;
        for (ProportionAnalysis.Measure m : ProportionAnalysis.Measure.values()) {
            List<ProportionAnalysis.Estimate> out =
                    ProportionAnalysis.analyse(
                            study, m, threshold, rule, new ConfidenceLevel(0.95));
            assertThat(out).hasSize(3);
            for (ProportionAnalysis.Estimate e : out.subList(0, 2)) {
                String key = m.label() + "|" + e.modality() + "||";
                checked += close(e.estimate(), ref.get(key + "estimate"));
                checked += close(e.variance(), ref.get(key + "variance"));
                if (ref.containsKey(key + "ci_lower")) {
                    checked +=
                            close(e.test().ci().orElseThrow().lower(), ref.get(key + "ci_lower"));
                    checked +=
                            close(e.test().ci().orElseThrow().upper(), ref.get(key + "ci_upper"));
                } else {
                    undefined++;
                    assertThat(e.test().ci()).isEmpty();
                    assertThat(e.test().undefinedReason()).isPresent();
                }
                for (int r = 0; r < study.readers().size(); r++) {
                    Double x = ref.get(key + "reader:" + study.readers().get(r));
                    if (x == null) {
                        assertThat(e.perReader().get(r)).isEmpty();
                    } else {
                        checked += close(e.perReader().get(r).orElseThrow(), x);
                    }
                }
            }
            // The study lists unaided first, so the pair is unaided − aided: the reference's
            // aided − unaided with the sign turned.
            ProportionAnalysis.Estimate d = out.get(2);
            assertThat(d.modality()).isEqualTo("unaided");
            assertThat(d.minus()).contains("aided");
            String key = m.label() + "|aided|unaided|";
            checked += close(-d.estimate(), ref.get(key + "estimate"));
            checked += close(d.variance(), ref.get(key + "variance"));
            if (ref.containsKey(key + "ci_lower")) {
                checked += close(-d.test().ci().orElseThrow().upper(), ref.get(key + "ci_lower"));
                checked += close(-d.test().ci().orElseThrow().lower(), ref.get(key + "ci_upper"));
                checked += close(-d.test().statistic().orElseThrow(), ref.get(key + "z"));
                checked += close(d.test().p().orElseThrow(), ref.get(key + "p"));
            } else {
                // A negative variance estimate (the reference has no interval either).
                undefined++;
                assertThat(d.variance()).isNegative();
                assertThat(d.test().p()).isEmpty();
                assertThat(d.test().undefinedReason().orElseThrow()).contains("negative");
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(undefined).isEqualTo(name.equals("lower") ? 1 : 0);
    }

    private static int close(double actual, Double expected) {
        assertThat(expected).isNotNull();
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        return 1;
    }

    @org.junit.jupiter.api.Test
    void readsThatAllAgreeLeaveTheIntervalUndefinedWithTheReason() throws Exception {
        ReaderStudy.Builder b = ReaderStudy.builder(Direction.HIGHER);
        b.setTruth("c1", true);
        b.setTruth("c2", false);
        b.setTruth("c3", true);
        b.setTruth("c4", false);
        for (String r : List.of("r1", "r2")) {
            for (String m : List.of("A", "B")) {
                b.addScore(r, "c1", m, 1);
                b.addScore(r, "c2", m, 0);
                b.addScore(r, "c3", m, 1);
                b.addScore(r, "c4", m, 0);
            }
        }
        ReaderStudy s = b.build();
        List<ProportionAnalysis.Estimate> out =
                ProportionAnalysis.analyse(
                        s,
                        ProportionAnalysis.Measure.SPECIFICITY,
                        1,
                        ThresholdRule.GE,
                        new ConfidenceLevel(0.95));
        assertThat(out.get(0).estimate()).isEqualTo(1.0);
        assertThat(out.get(0).test().ci()).isEmpty();
        assertThat(out.get(0).test().undefinedReason().orElseThrow())
                .contains("variance estimate is 0");
        assertThat(out.get(2).test().p()).isEmpty();
        // One negative case: the moment of two different cases cannot be estimated.
        ReaderStudy.Builder one = ReaderStudy.builder(Direction.HIGHER);
        one.setTruth("c1", true);
        one.setTruth("c2", false);
        one.setTruth("c3", true);
        for (String r : List.of("r1", "r2")) {
            for (String m : List.of("A", "B")) {
                one.addScore(r, "c1", m, 1);
                one.addScore(r, "c2", m, r.equals("r1") ? 0 : 1);
                one.addScore(r, "c3", m, 0);
            }
        }
        ProportionAnalysis.Estimate single =
                ProportionAnalysis.analyse(
                                one.build(),
                                ProportionAnalysis.Measure.SPECIFICITY,
                                1,
                                ThresholdRule.GE,
                                new ConfidenceLevel(0.95))
                        .get(0);
        assertThat(single.estimate()).isEqualTo(0.5);
        assertThat(single.test().undefinedReason())
                .contains("the MRMC variance needs at least 2 readers and 2 negative cases read");
        assertThatThrownBy(
                        () ->
                                ProportionAnalysis.analyse(
                                        s,
                                        ProportionAnalysis.Measure.SENSITIVITY,
                                        Double.NaN,
                                        ThresholdRule.GE,
                                        new ConfidenceLevel(0.95)))
                .hasMessageContaining("threshold must be finite");
    }
}
