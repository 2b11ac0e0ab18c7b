package org.clinval.streaming.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.CaseResult;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.PreparedCase;
import org.clinval.streaming.Quarantined;
import org.clinval.streaming.RejectedInput;
import org.clinval.streaming.SiteCounts;
import org.junit.jupiter.api.Test;

class CaseFunctionsTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @Test
    void manifestLinesParseAndMalformedLinesAreQuarantinedWithTheirText() throws Exception {
        OneInputStreamOperatorTestHarness<String, CaseInput> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseManifest());
        h.processElement(ParseManifest.HEADER, 0);
        h.processElement("C0001,C0001/F1,\"images/a, \"\"b\"\".dcm\"," + SHA + ",,", 0);
        h.processElement("C0002,C0002/F1,images/2.dcm", 0);
        h.processElement("C0003,,,,check,\"C0003/F1: empty file (0 bytes)\"", 0);
        h.processElement("\"unterminated", 0);
        assertThat(h.extractOutputValues())
                .containsExactly(
                        CaseInput.image("C0001", "C0001/F1", "images/a, \"b\".dcm", SHA),
                        CaseInput.quarantined(
                                "C0003", "", "check", "C0003/F1: empty file (0 bytes)"));
        assertThat(h.getSideOutput(Tags.QUARANTINE))
                .extracting(r -> r.getValue().caseId())
                .containsExactly("C0002", "(unknown)");
        assertThat(h.getSideOutput(Tags.QUARANTINE))
                .extracting(r -> r.getValue().reason())
                .allMatch(r -> r.startsWith("manifest line is not '" + ParseManifest.HEADER + "'"));
        h.close();
    }

    @Test
    void loadRejectionsAndLoaderBugsBecomeRejectedOutcomesNamingTheFile() throws Exception {
        LoadCase load =
                new LoadCase(
                        in -> {
                            if (in.caseId().equals("bad"))
                                throw new RejectedInput("not a DICOM file: no DICM preamble");
                            if (in.caseId().equals("bug"))
                                throw new IllegalStateException("reader bug");
                            return new LoadedCase(
                                    in.caseId(), in.fileId(), "CT", "GE", 2, 2, 1, 1, new float[4]);
                        });
        OneInputStreamOperatorTestHarness<CaseInput, LoadedCase> h =
                ProcessFunctionTestHarnesses.forProcessFunction(load);
        h.processElement(CaseInput.image("ok", "ok/F1", "ok.dcm", SHA), 0);
        h.processElement(CaseInput.image("bad", "bad/F1", "bad.dcm", SHA), 0);
        h.processElement(CaseInput.image("bug", "bug/F1", "bug.dcm", SHA), 0);
        h.processElement(CaseInput.quarantined("pre", "", "check", "pre/F1: empty file"), 0);
        assertThat(h.extractOutputValues()).extracting(LoadedCase::caseId).containsExactly("ok");
        assertThat(h.getSideOutput(Tags.REJECTED))
                .extracting(r -> r.getValue())
                .containsExactly(
                        Outcome.rejected(
                                "bad", "bad/F1", "", "load", "not a DICOM file: no DICM preamble"),
                        Outcome.rejected(
                                "bug",
                                "bug/F1",
                                "",
                                "load",
                                "bug/F1: unreadable (IllegalStateException)"),
                        Outcome.rejected("pre", "", "", "check", "pre/F1: empty file"));
        h.close();
    }

    @Test
    void preprocessingRejectsWhatTheModelCannotTake() throws Exception {
        PrepareCase prepare =
                new PrepareCase(
                        image -> {
                            if (image.rows() != 2)
                                throw new RejectedInput(
                                        "image is "
                                                + image.rows()
                                                + "x"
                                                + image.columns()
                                                + ", the model takes 2x2");
                            return image.pixels();
                        });
        OneInputStreamOperatorTestHarness<LoadedCase, PreparedCase> h =
                ProcessFunctionTestHarnesses.forProcessFunction(prepare);
        h.processElement(
                new LoadedCase("a", "a.dcm", "CT", "GE", 2, 2, 1, 1, new float[] {1, 2, 3, 4}), 0);
        h.processElement(new LoadedCase("b", "b.dcm", "CT", "GE", 3, 3, 1, 1, new float[9]), 0);
        assertThat(h.extractOutputValues()).extracting(PreparedCase::caseId).containsExactly("a");
        assertThat(h.getSideOutput(Tags.REJECTED))
                .extracting(r -> r.getValue().reason())
                .containsExactly("image is 3x3, the model takes 2x2");
        h.close();
    }

    @Test
    void theScorerOpensOnceAndNonFiniteScoresAreInferenceFailures() throws Exception {
        int[] opened = {0};
        ScoreCase score =
                new ScoreCase(
                        () -> {
                            opened[0]++;
                            return new org.clinval.streaming.ScorerFactory.Scorer() {
                                @Override
                                public double score(float[] input) {
                                    return input[0] < 0 ? Double.NaN : input[0];
                                }

                                @Override
                                public void close() {}
                            };
                        });
        OneInputStreamOperatorTestHarness<PreparedCase, Outcome> h =
                ProcessFunctionTestHarnesses.forProcessFunction(score);
        h.processElement(new PreparedCase("a", "a.dcm", "GE", new float[] {0.25f}), 0);
        h.processElement(new PreparedCase("b", "b.dcm", "GE", new float[] {-1}), 0);
        assertThat(opened[0]).isEqualTo(1);
        List<Outcome> out = h.extractOutputValues();
        assertThat(out.get(0)).isEqualTo(Outcome.scored("a", "a.dcm", "GE", 0.25));
        assertThat(out.get(1).rejectedAt()).isEqualTo("inference");
        assertThat(out.get(1).reason()).isEqualTo("model returned a non-finite score: NaN");
        h.close();
    }

    @Test
    void siteCountsRunPerSite() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, CaseResult, SiteCounts> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new CountBySite(), CaseResult::site, Types.STRING);
        h.processElement(result("1", "A", 1, 1), 0);
        h.processElement(result("2", "B", 0, 1), 0);
        h.processElement(result("3", "A", 0, 0), 0);
        h.processElement(result("4", "A", 1, 0), 0);
        assertThat(h.extractOutputValues())
                .containsExactly(
                        new SiteCounts("A", 1, 1, 0, 0, 0),
                        new SiteCounts("B", 1, 0, 1, 0, 0),
                        new SiteCounts("A", 2, 1, 0, 1, 0),
                        new SiteCounts("A", 3, 1, 0, 1, 1));
        h.close();
    }

    @Test
    void csvFieldsAreQuotedWhenTheyNeedIt() {
        assertThat(CsvLines.line("a", "b,c", "say \"hi\"", null))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",");
        assertThat(Quarantined.HEADER).isEqualTo("case_id,input,stage,reason");
    }

    private static CaseResult result(String id, String site, int label, int prediction) {
        return new CaseResult(id, site, "GE", "F", "60-74", label, 0.5, prediction, "m", "d");
    }
}
