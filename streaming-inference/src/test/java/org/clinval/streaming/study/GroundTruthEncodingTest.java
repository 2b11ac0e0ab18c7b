package org.clinval.streaming.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference standard saved in a legacy encoding is refused with the place of the first bad byte.
 */
class GroundTruthEncodingTest {

    @TempDir Path dir;

    @Test
    void aLatin1ReferenceStandardNamesTheLineAndByteToFix() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("case_id,label\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5_000; i++) {
            b.writeBytes(("c" + i + ",benign\n").getBytes(StandardCharsets.UTF_8));
        }
        // line 5,002: a site name typed in a spreadsheet that saved Latin-1 ('ü' = 0xFC)
        b.writeBytes("c5000,malignant Z".getBytes(StandardCharsets.US_ASCII));
        b.write(0xFC);
        b.writeBytes("rich\n".getBytes(StandardCharsets.US_ASCII));
        Path f = Files.write(dir.resolve("truth.csv"), b.toByteArray());

        GroundTruthTable t = GroundTruthTable.read(f, "malignant");

        assertThat(t.ok()).isFalse();
        assertThat(t.problems())
                .singleElement()
                .hasToString(
                        "truth.csv line 5002: not UTF-8 text (byte 0xFC at position 18 of the"
                                + " line): save it as UTF-8 (CSV UTF-8)");
    }
}
