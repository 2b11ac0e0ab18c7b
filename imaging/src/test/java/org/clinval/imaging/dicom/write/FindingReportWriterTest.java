package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingReportWriterTest {

    @TempDir Path dir;

    private SourceSeries series() throws Exception {
        List<Path> files = new ArrayList<>();
        for (WrittenInstance w : TestSeries.write(dir, "sr-case", 3, 4, 4)) {
            files.add(w.file());
        }
        return SourceSeries.read(files);
    }

    @Test
    void writesAComprehensiveSrThatDciodvfyAccepts() throws Exception {
        SourceSeries s = series();
        CaseFinding f = new CaseFinding(0.8734512, SegmentationTest.NODULE, 0.5, ">=");
        Path sr = dir.resolve("sr.dcm");
        WrittenInstance w = FindingReportWriter.write(s, f, SegmentationTest.id("sr"), sr);
        assertThat(w.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.33");
        Dciodvfy.Report r = Dciodvfy.assertValid(sr, "ComprehensiveSR");
        System.out.println("dciodvfy warnings, SR: " + r.warnings());
        // a synthetic source declares no patient identity, and the report keeps that declaration
        assertThat(PhiScanner.scan(sr).phi()).isEmpty();
    }

    /**
     * pydicom reads the content tree back. Reference call: {@code /usr/bin/python3
     * src/test/python/sr_content.py SR} (pydicom 2.3.1).
     */
    @Test
    void pydicomReadsBackScoreClassificationModelAndReferences() throws Exception {
        SourceSeries s = series();
        CaseFinding f = new CaseFinding(0.8734512, SegmentationTest.NODULE, 0.5, ">");
        Path sr = dir.resolve("sr.dcm");
        FindingReportWriter.write(s, f, SegmentationTest.id("sr2"), sr);
        JsonNode j = new ObjectMapper().readTree(Python.run("sr_content.py", sr.toString()));
        assertThat(j.get("root").asText()).isEqualTo("126000|DCM");
        assertThat(j.get("num").get("AISCORE|99CLINVAL").asDouble()).isEqualTo(0.8734512);
        assertThat(j.get("num").get("OPTHRESHOLD|99CLINVAL").asDouble()).isEqualTo(0.5);
        assertThat(j.get("code").get("121071|DCM").asText()).isEqualTo("27925004|SCT");
        assertThat(j.get("text").get("111001|DCM").asText()).isEqualTo("nodule-net");
        assertThat(j.get("text").get("111003|DCM").asText()).isEqualTo("1.2.0");
        assertThat(j.get("text").get("MODELSHA256|99CLINVAL").asText()).isEqualTo("ab".repeat(32));
        assertThat(j.get("text").get("THRESHOLDRULE|99CLINVAL").asText())
                .isEqualTo("positive when score > threshold");
        List<String> images = new ArrayList<>();
        j.get("images").forEach(n -> images.add(n.asText()));
        assertThat(images)
                .containsExactlyElementsOf(
                        s.frames().stream().map(SourceFrame::sopInstanceUid).toList());
        assertThat(j.get("empty_type2").get("ReferencedPerformedProcedureStepSequence").asInt())
                .isZero();
        assertThat(j.get("empty_type2").get("PerformedProcedureCodeSequence").asInt()).isZero();
    }

    @Test
    void sameInputsGiveByteIdenticalReports() throws Exception {
        SourceSeries s = series();
        CaseFinding f = new CaseFinding(0.25, Code.local("NOFINDING", "No finding"), 0.5, ">=");
        Path a = dir.resolve("a.dcm");
        Path b = dir.resolve("b.dcm");
        FindingReportWriter.write(s, f, SegmentationTest.id("same"), a);
        FindingReportWriter.write(s, f, SegmentationTest.id("same"), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(f.positive()).isFalse();
    }

    @Test
    void refusesUndefinedScoresAndUnknownRules() {
        assertThatThrownBy(() -> new CaseFinding(Double.NaN, SegmentationTest.NODULE, 0.5, ">="))
                .hasMessageContaining("score is not finite: NaN");
        assertThatThrownBy(() -> new CaseFinding(0.1, SegmentationTest.NODULE, 0.5, "=>"))
                .hasMessageContaining("threshold rule is not >= or >: =>");
    }
}
