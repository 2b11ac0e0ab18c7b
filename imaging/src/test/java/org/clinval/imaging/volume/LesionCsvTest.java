package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.Vector3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LesionCsvTest {

    @TempDir Path dir;

    @Test
    void readsLuna16AnnotationsAsTheyAre() throws Exception {
        // the first rows of LUNA16's annotations.csv, with its CRLF line ends
        Path f = dir.resolve("annotations.csv");
        Files.writeString(
                f,
                "seriesuid,coordX,coordY,coordZ,diameter_mm\r\n"
                        + "1.3.6.1.4.1.14519.5.2.1.6279.6001.100225287222365663678666836860,"
                        + "-128.6994211,-175.3192718,-298.3875064,5.651470635\r\n"
                        + "1.3.6.1.4.1.14519.5.2.1.6279.6001.100225287222365663678666836860,"
                        + "103.7836509,-211.9251487,-227.12125,4.224708481\r\n\r\n");
        List<ReferenceLesion> l = LesionCsv.readLesions(f);
        assertThat(l).hasSize(2);
        assertThat(l.get(0).caseId())
                .isEqualTo("1.3.6.1.4.1.14519.5.2.1.6279.6001.100225287222365663678666836860");
        assertThat(l.get(0).centre())
                .isEqualTo(new Vector3(-128.6994211, -175.3192718, -298.3875064));
        assertThat(l.get(0).diameterMm()).isEqualTo(5.651470635);
    }

    @Test
    void readsTheStudyLesionsWithRadiiAndLuna16Results() throws Exception {
        Path f = dir.resolve("lesions.csv");
        Files.writeString(f, "\uFEFFcase_id,x,y,z,radius\ncase-0001, 1.5 ,-2,3.25,4\n");
        assertThat(LesionCsv.readLesions(f))
                .containsExactly(new ReferenceLesion("case-0001", new Vector3(1.5, -2, 3.25), 8));
        Path r = dir.resolve("results.csv");
        Files.writeString(r, "seriesuid,coordX,coordY,coordZ,probability\n1.2.3,-1,-2,-3,0.25\n");
        assertThat(LesionCsv.readScoredPoints(r))
                .containsExactly(new ScoredPoint("1.2.3", new Vector3(-1, -2, -3), 0.25));
    }

    @Test
    void badValuesAreNamedByFileLineAndColumn() throws Exception {
        Path f = dir.resolve("annotations.csv");
        Files.writeString(f, "seriesuid,coordX,coordY,coordZ,diameter_mm\n1.2,1,2,x,5\n");
        assertThatThrownBy(() -> LesionCsv.readLesions(f))
                .isInstanceOf(ImagingException.class)
                .hasMessage("annotations.csv: line 2, column coordz is not a finite number: 'x'");
        Path c = dir.resolve("candidates.csv");
        Files.writeString(c, "seriesuid,coordX,coordY,coordZ,class\n1.2,1,2,3,0\n");
        assertThatThrownBy(() -> LesionCsv.readScoredPoints(c))
                .hasMessageContaining("a list of candidates, not results");
        Path p = dir.resolve("p.csv");
        Files.writeString(p, "seriesuid,coordX,coordY,coordZ,probability\n1.2,1,2,3,1.5\n");
        assertThatThrownBy(() -> LesionCsv.readScoredPoints(p))
                .hasMessageContaining("not in [0, 1]");
    }
}
