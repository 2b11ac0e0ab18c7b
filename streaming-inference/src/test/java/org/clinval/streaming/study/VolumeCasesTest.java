package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clinval.streaming.VolumeCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference lesions of a detection study, as users' files come. */
class VolumeCasesTest {

    @TempDir Path dir;

    @Test
    void aLesionsFileSavedWithAByteOrderMarkAndCrlfReads() throws Exception {
        Path f = dir.resolve("lesions.csv");
        Files.write(
                f,
                ("\uFEFFcase_id,x,y,z,radius\r\ncase-1,1.5,-2,30,4\r\ncase-1,0,0,0,2\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        Map<String, List<VolumeCase.LesionMm>> l = VolumeCases.readLesions(f);
        assertThat(l.get("case-1"))
                .containsExactly(
                        new VolumeCase.LesionMm(1.5, -2, 30, 4),
                        new VolumeCase.LesionMm(0, 0, 0, 2));
    }

    @Test
    void luna16AnnotationsReadAsTheyAreWithDiametersHalved() throws Exception {
        Path f = dir.resolve("annotations.csv");
        Files.writeString(
                f,
                "seriesuid,coordX,coordY,coordZ,diameter_mm\n"
                        + "1.3.6.1.4.1.14519.5.2.1.6279.6001.1,-128.7,-175.3,-298.4,5.65\n");
        assertThat(VolumeCases.readLesions(f).get("1.3.6.1.4.1.14519.5.2.1.6279.6001.1"))
                .containsExactly(new VolumeCase.LesionMm(-128.7, -175.3, -298.4, 2.825));
    }

    @Test
    void aBadValueIsNamedByLineAndColumn() throws Exception {
        Path f = dir.resolve("lesions.csv");
        Files.writeString(f, "case_id,x,y,z,radius\ncase-1,1,2,3,4\ncase-2,1,two,3,4\n");
        assertThatThrownBy(() -> VolumeCases.readLesions(f))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("lesions.csv: line 3, column y")
                .hasMessageContaining("'two'");
    }
}
