package org.clinval.workflows.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.Problem;
import org.clinval.validation.mrmc.StudyDesign;
import org.clinval.workflows.StudyCheckReport;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.testing.FakeInputCheckService;
import org.clinval.workflows.testing.ReaderReads;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code study check} of a reader-study arm: each malformed reads file gives its message. */
class ReaderStudyCheckTest {

    private static final String HEADER = "reader,case,modality,score\n";

    @TempDir Path dir;

    private Path protocol;

    private Path reads() {
        return dir.resolve("readers/reads.csv");
    }

    /** The problems of the study with {@code reads} as its reads file and {@code block}. */
    private List<String> problems(String reads, String block) throws Exception {
        protocol = StudyFixture.in(dir).write();
        ReaderReads.write(dir, reads);
        ReaderReads.addTo(protocol, block, ReaderReads.ENDPOINT);
        StudyCheckReport r = StudyEngine.check(protocol, new FakeInputCheckService(), n -> {});
        return r.problems().stream().map(Problem::toString).toList();
    }

    private List<String> problems(String reads) throws Exception {
        return problems(reads, ReaderReads.BLOCK);
    }

    /** The fixture's 5 × 60 × 2 reads with {@code row} (a whole line) replacing line {@code n}. */
    private static String withLine(int n, String row) {
        String[] lines = ReaderReads.csv(5, 1).split("\n", -1);
        lines[n - 1] = row;
        return String.join("\n", lines);
    }

    @Test
    void goodReadsHaveNoProblemAndAreFullyCrossed() throws Exception {
        assertThat(problems(ReaderReads.csv(5, 1))).isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        ReaderStudyCheck.Result r =
                ReaderStudyCheck.check(
                        p.readerStudy().orElseThrow(),
                        ReadsFile.read(reads(), "unaided", "aided"),
                        GroundTruthLabels.read(p.dataset().groundTruth(), "malignant"),
                        p.operatingPoint().direction());
        assertThat(r.design()).contains(StudyDesign.FULLY_CROSSED);
        StudyCheckReport report = StudyEngine.check(protocol, new FakeInputCheckService(), n -> {});
        ReaderStudyCheck.Result x = report.readerStudy().orElseThrow();
        assertThat(x.design()).contains(StudyDesign.FULLY_CROSSED);
        assertThat(List.of(x.reads(), x.readers(), x.positives(), x.negatives()))
                .containsExactly(600, 5, 20, 40);
    }

    @Test
    void missingAndExtraColumnsAreNamed() throws Exception {
        assertThat(problems("reader,case,score\nR1,case-001,3\n"))
                .containsExactly(
                        reads()
                                + " line 1: no column 'modality'; the header must be"
                                + " reader,case,modality,score");
        assertThat(
                        problems(
                                ReaderReads.csv(5, 1)
                                        .replace("score\n", "score,comment\n")
                                        .replaceAll("(?m)^(R.*)$", "$1,x")))
                .containsExactly(
                        reads()
                                + " line 1: column 'comment' is not a column of a reads"
                                + " file (reader,case,modality,score)");
    }

    @Test
    void badScoresAreNamedWithLineAndColumn() throws Exception {
        assertThat(problems(withLine(3, "R1,case-002,unaided,high")))
                .containsExactly(reads() + " line 3, column 'score': not a number: 'high'");
        assertThat(problems(withLine(4, "R1,case-003,unaided,NaN")))
                .containsExactly(reads() + " line 4, column 'score': not a finite number: 'NaN'");
        assertThat(problems(withLine(5, "R1,case-004,unaided,1e999")))
                .containsExactly(reads() + " line 5, column 'score': not a finite number: '1e999'");
        assertThat(problems(withLine(6, "R1,case-005,unaided,")))
                .containsExactly(reads() + " line 6, column 'score': empty value");
    }

    @Test
    void aCaseOutsideTheGroundTruthAndAnotherModalityAreNamed() throws Exception {
        assertThat(problems(withLine(2, "R1,case-999,unaided,50")))
                .contains(
                        reads()
                                + " line 2, column 'case': 'case-999' is not a case_id of the"
                                + " ground truth (1 read)");
        assertThat(problems(withLine(7, "R1,case-006,second-opinion,50")))
                .containsExactly(
                        reads()
                                + " line 7, column 'modality': 'second-opinion' is"
                                + " neither the unaided modality 'unaided' nor the aided modality 'aided'"
                                + " of reader_study");
    }

    @Test
    void aDuplicateReadIsNamedWithBothLines() throws Exception {
        assertThat(problems(withLine(3, "R1,case-001,unaided,50")))
                .contains(
                        reads()
                                + " line 3, column 'case': reader 'R1' already read case"
                                + " 'case-001' in modality 'unaided' on line 2; each reader reads each"
                                + " case once per modality");
    }

    @Test
    void aReaderWithoutAModalityAndTooFewReadersAreNamed() throws Exception {
        String oneReader =
                HEADER
                        + ReaderReads.csv(1, 1)
                                .lines()
                                .skip(1)
                                .filter(l -> l.contains(",unaided,"))
                                .map(l -> l + "\n")
                                .reduce("", String::concat);
        assertThat(problems(oneReader))
                .containsExactly(
                        reads()
                                + ": reader 'R1' has no reads in modality 'aided': every reader"
                                + " reads unaided and aided",
                        reads() + ": 1 reader: an MRMC analysis needs at least 2");
    }

    @Test
    void tooFewPositiveCasesAreNamed() throws Exception {
        StringBuilder s = new StringBuilder(HEADER);
        for (String m : List.of("unaided", "aided")) {
            for (String r : List.of("R1", "R2")) {
                s.append(r).append(",case-001,").append(m).append(",60\n");
                for (int i = 21; i <= 25; i++) {
                    s.append(r).append(",case-0").append(i).append(',').append(m).append(",40\n");
                }
            }
        }
        assertThat(problems(s.toString()))
                .containsExactly(
                        reads()
                                + ": the reads cover 1 positive and 5 negative cases of"
                                + " the ground truth: an MRMC analysis needs at least 2 of each");
    }

    @Test
    void aDesignThatIsNotFullyCrossedIsRefusedByObuchowskiRocketteAndTakenByGallas()
            throws Exception {
        // Readers 1-2 read the first half of the cases, readers 3-4 the second half: split plot.
        StringBuilder s = new StringBuilder(HEADER);
        for (String m : List.of("unaided", "aided")) {
            for (int r = 1; r <= 4; r++) {
                for (int i = 0; i < StudyFixture.CASES; i++) {
                    if ((r <= 2) == (i % 2 == 0)) {
                        s.append("R")
                                .append(r)
                                .append(',')
                                .append(StudyFixture.caseId(i))
                                .append(',')
                                .append(m)
                                .append(',')
                                .append(i % 7)
                                .append('\n');
                    }
                }
            }
        }
        assertThat(problems(s.toString()))
                .singleElement()
                .asString()
                .startsWith(
                        reads()
                                + ": the reads are split-plot (reader R1 read 30 of 60 cases"
                                + " aided;")
                .endsWith(
                        "but analysis obuchowski_rockette needs them fully crossed (every reader"
                                + " reads every case in both modalities); analysis: gallas takes"
                                + " split-plot and incomplete designs");
        String gallas =
                ReaderReads.BLOCK
                        .replace("obuchowski_rockette", "gallas")
                        .replace("  covariance: jackknife\n", "");
        assertThat(problems(s.toString(), gallas)).isEmpty();
        assertThat(
                        StudyEngine.check(protocol, new FakeInputCheckService(), n -> {})
                                .readerStudy()
                                .orElseThrow()
                                .design())
                .contains(StudyDesign.SPLIT_PLOT);
    }

    @Test
    void bytesOfAnotherEncodingAreNamedWithTheirLine() throws Exception {
        protocol = StudyFixture.in(dir).write();
        ReaderReads.addTo(protocol, ReaderReads.BLOCK, ReaderReads.ENDPOINT);
        String full = withLine(4, "R1,case-003,unaided,5");
        byte[] text = full.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[text.length + 1];
        int at = full.indexOf("R1,case-003,unaided,5") + "R1,case-003,".length();
        System.arraycopy(text, 0, bad, 0, at);
        bad[at] = (byte) 0xE9; // Latin-1 é
        System.arraycopy(text, at, bad, at + 1, text.length - at);
        Files.write(ReaderReads.write(dir, ""), bad);
        StudyCheckReport r = StudyEngine.check(protocol, new FakeInputCheckService(), n -> {});
        assertThat(r.problems())
                .singleElement()
                .asString()
                .startsWith("reader_study.reads: " + reads() + " line 4: not UTF-8 text");
    }
}
