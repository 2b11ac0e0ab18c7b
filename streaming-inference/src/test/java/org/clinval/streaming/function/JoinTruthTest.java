package org.clinval.streaming.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.clinval.streaming.CaseResult;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.Quarantined;
import org.clinval.validation.ThresholdRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinTruthTest {

    private static final String MODEL = "m".repeat(64);
    private static final String DATA = "d".repeat(64);

    private KeyedTwoInputStreamOperatorTestHarness<String, Outcome, GroundTruth, CaseResult>
            harness;

    @BeforeEach
    void setUp() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new JoinTruth(0.5, ThresholdRule.GE, MODEL, DATA),
                        Outcome::caseId,
                        GroundTruth::caseId,
                        Types.STRING);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static GroundTruth truth(String id, int label) {
        return new GroundTruth(id, "A", "F", "60-74", label);
    }

    private void end() throws Exception {
        harness.processBothWatermarks(Watermark.MAX_WATERMARK);
    }

    @Test
    void aScoreMeetsItsTruthInEitherOrderAndTheRuleDecidesTies() throws Exception {
        harness.processElement1(Outcome.scored("c1", "c1.dcm", "GE", 0.5), 0);
        harness.processElement2(truth("c1", 1), 0);
        harness.processElement2(truth("c2", 0), 0);
        harness.processElement1(Outcome.scored("c2", "c2.dcm", "GE", 0.49), 0);
        end();
        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new CaseResult("c1", "A", "GE", "F", "60-74", 1, 0.5, 1, MODEL, DATA),
                        new CaseResult("c2", "A", "GE", "F", "60-74", 0, 0.49, 0, MODEL, DATA));
        assertThat(harness.getSideOutput(Tags.QUARANTINE)).isNull();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void unmatchedHalvesAreQuarantinedAtTheEndOfInput() throws Exception {
        harness.processElement1(Outcome.scored("orphan-image", "x.dcm", "GE", 0.7), 0);
        harness.processElement2(truth("orphan-truth", 1), 0);
        assertThat(harness.getSideOutput(Tags.QUARANTINE)).isNull();
        end();
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(Tags.QUARANTINE))
                .extracting(r -> r.getValue())
                .containsExactlyInAnyOrder(
                        new Quarantined(
                                "orphan-image", "x.dcm", "join", "image without ground truth"),
                        new Quarantined(
                                "orphan-truth",
                                "ground truth",
                                "join",
                                "case without image: the manifest has no image for it"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aCaseRejectedBeforeInferenceIsQuarantinedOnceWithItsReason() throws Exception {
        harness.processElement2(truth("c3", 1), 0);
        harness.processElement1(
                Outcome.rejected("c3", "c3.dcm", "", "load", "not a DICOM file"), 0);
        end();
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(Tags.QUARANTINE))
                .extracting(r -> r.getValue())
                .containsExactly(new Quarantined("c3", "c3.dcm", "load", "not a DICOM file"));
    }

    @Test
    void duplicateCaseIdsAreQuarantinedNotCountedTwice() throws Exception {
        harness.processElement1(Outcome.scored("c4", "a.dcm", "GE", 0.9), 0);
        harness.processElement2(truth("c4", 1), 0);
        harness.processElement1(Outcome.scored("c4", "b.dcm", "GE", 0.1), 0);
        harness.processElement2(truth("c4", 0), 0);
        end();
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.getSideOutput(Tags.QUARANTINE))
                .extracting(r -> r.getValue().reason())
                .containsExactly(
                        "duplicate case id in the manifest",
                        "duplicate case id in the ground truth");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
