package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MrmcFilesTest {

    @TempDir Path dir;

    @Test
    void readsTheImrmcExamplesWithEitherTruthConvention() throws Exception {
        ReaderStudy r2 = MrmcData.imrmcR2(); // truth rows "truth,case,truth,0|1"
        assertThat(r2.readers()).hasSize(5);
        assertThat(r2.modalities()).containsExactly("testA", "testB");
        assertThat(r2.negatives()).isEqualTo(40);
        assertThat(r2.positives()).isEqualTo(40);
        assertThat(r2.reads()).isEqualTo(800);
        assertThat(r2.design()).isEqualTo(StudyDesign.FULLY_CROSSED);
        ReaderStudy vd = MrmcData.vanDyke(); // truth rows "-1,case,truth,0|1"
        assertThat(vd.negatives()).isEqualTo(69);
        assertThat(vd.positives()).isEqualTo(45);
        assertThat(vd.reads()).isEqualTo(1140);
        assertThat(vd.missingReads()).isEmpty();
        assertThat(vd.unreadCases()).isEmpty();
    }

    /** The same study written as CSV gives the same analysis. */
    @Test
    void csvAndImrmcGiveTheSameStudy() throws Exception {
        ReaderStudy vd = MrmcData.vanDyke();
        StringBuilder csv = new StringBuilder("case,reader,truth,modality,score\n");
        for (int m = 0; m < vd.modalities().size(); m++) {
            for (int r = 0; r < vd.readers().size(); r++) {
                for (int c = 0; c < vd.cases().size(); c++) {
                    csv.append(vd.cases().get(c)).append(',').append(vd.readers().get(r));
                    csv.append(',').append(vd.positive(c) ? 1 : 0).append(",\"");
                    csv.append(vd.modalities().get(m)).append("\",").append(vd.score(m, r, c));
                    csv.append('\n');
                }
            }
        }
        Path f = write("vd.csv", csv.toString());
        ReaderStudy back = MrmcFiles.readCsv(f, Direction.HIGHER);
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        assertThat(GallasAnalysis.analyse(back, l)).isEqualTo(GallasAnalysis.analyse(vd, l));
    }

    @Test
    void lowerDirectionReversesTheAuc() throws Exception {
        Path f = MrmcData.resource("vandyke.imrmc");
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        double higher =
                GallasAnalysis.analyse(MrmcFiles.readImrmc(f, Direction.HIGHER), l)
                        .get(0)
                        .estimate();
        double lower =
                GallasAnalysis.analyse(MrmcFiles.readImrmc(f, Direction.LOWER), l)
                        .get(0)
                        .estimate();
        assertThat(lower).isCloseTo(1 - higher, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void imrmcErrorsNameFileLineAndColumn() throws Exception {
        String head = "header\nBEGIN DATA:\n-1,c1,truth,0\n-1,c2,truth,1\n";
        assertError(
                "a.imrmc",
                "no header\n1,c1,A,0.5\n",
                "a.imrmc: no line 'BEGIN DATA:' before the data rows");
        assertError(
                "b.imrmc",
                head + "r1,c1,A,0.5\nr1,c2,A,high\n",
                "b.imrmc line 6, column 4 (\"score\"): not a number: 'high'");
        assertError(
                "c.imrmc",
                head + "r1,c1,A\n",
                "c.imrmc line 5: 3 fields, expected 4 (readerID,caseID,modalityID,score)");
        assertError(
                "d.imrmc",
                head + "-1,c3,truth,2\n",
                "d.imrmc line 5, column 4 (\"score\"): truth is not 0 or 1: '2'");
        assertError(
                "e.imrmc",
                head + "r1,c1,A,0.5\nr1,c1,A,0.7\n",
                "e.imrmc line 6, column 4 (\"score\"): reader r1 scored case c1 twice in"
                        + " modality A");
        assertError(
                "f.imrmc",
                head + "r1,c1,A,0.5\nr1,c9,A,0.7\n",
                "f.imrmc: 1 scored case(s) have no truth, first: c9");
        assertError(
                "g.imrmc",
                head + "r1,,A,0.5\n",
                "g.imrmc line 5, column 2 (\"caseID\"): empty value");
    }

    @Test
    void csvErrorsNameFileLineAndColumn() throws Exception {
        assertError(
                "a.csv",
                "reader,case,modality,score\nr1,c1,A,1\n",
                "a.csv line 1: the header has no column \"truth\" (needs reader, case, modality,"
                        + " score, truth)");
        assertError(
                "b.csv",
                "reader,case,modality,score,truth\nr1,c1,A,1,0\nr1,c1,B,1,1\n",
                "b.csv line 3, column 5 (\"truth\"): case c1 has two truths: false and true");
        assertError(
                "c.csv",
                "reader,case,modality,score,truth\nr1,c1,A,NaN,0\n",
                "c.csv line 2, column 4 (\"score\"): not a finite number: 'NaN'");
        assertError(
                "d.csv",
                "reader,case,modality,score,truth\nr1,c1,A,1,0\nr1,c2,A,2,0\n",
                "d.csv: modality A has no scored positive case: an AUC needs both");
        assertThatThrownBy(() -> MrmcFiles.readCsv(dir.resolve("none.csv"), Direction.HIGHER))
                .isInstanceOf(MrmcFormatException.class)
                .hasMessageEndingWith("none.csv: no such file");
    }

    private void assertError(String name, String content, String message) throws IOException {
        Path f = write(name, content);
        assertThatThrownBy(
                        () -> {
                            if (name.endsWith(".csv")) MrmcFiles.readCsv(f, Direction.HIGHER);
                            else MrmcFiles.readImrmc(f, Direction.HIGHER);
                        })
                .isInstanceOf(MrmcFormatException.class)
                .hasMessage(
                        f
                                + (message.startsWith(name)
                                        ? message.substring(name.length())
                                        : message));
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
