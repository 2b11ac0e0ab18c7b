package org.clinval.imaging.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SpecificCharacterSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.deid.internal.Walk;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.testing.Dciodvfy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names in other scripts: pydicom's character-set test files (Debian python3-pydicom, read where
 * the package installs them), from Latin-1 to ISO 2022 Japanese and GB18030. A name must be found
 * by the scan and leave no trace, in any of its components, in the output's values or bytes; the
 * output then declares the default repertoire it uses.
 */
class CharacterSetDeidTest {

    static final Path CHARSETS =
            Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");

    @TempDir Path dir;

    /** The name's components (family, given... of every representation) of 2 characters or more. */
    private static List<String> components(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.split("[=^]")) {
            if (part.strip().length() >= 2) {
                out.add(part.strip());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chrArab.dcm",
                "chrFren.dcm",
                "chrFrenMulti.dcm",
                "chrGerm.dcm",
                "chrGreek.dcm",
                "chrH31.dcm",
                "chrH32.dcm",
                "chrHbrw.dcm",
                "chrI2.dcm",
                "chrJapMulti.dcm",
                "chrKoreanMulti.dcm",
                "chrRuss.dcm",
                "chrX1.dcm",
                "chrX2.dcm"
            })
    void aNameInAnyScriptIsFoundAndLeavesNoTrace(String name) throws Exception {
        Path in = CHARSETS.resolve(name);
        assumeTrue(Files.isRegularFile(in), "python3-pydicom charset files not installed: " + in);
        AttributeList original = DicomFiles.read(in);
        String patientName = Attrs.string(original, "PatientName").strip();
        List<String> parts = components(patientName);
        assertThat(parts).as("components of the name in %s", name).isNotEmpty();
        byte[] encoded = new SpecificCharacterSet(original).translateStringToByteArray(patientName);
        assertThat(PhiScanner.scan(in).phi())
                .anyMatch(f -> f.path().equals("PatientName (0010,0010)"));

        Path out = dir.resolve(name);
        Deidentifier.builder()
                .setUidKey(DeidentifierTest.KEY)
                .optBurnedInPolicy(BurnedInPolicy.FLAG)
                .build()
                .deidentify(in, out, Pseudonym.of("case-1"));
        AttributeList l = DicomFiles.read(out);
        List<String> values = new ArrayList<>();
        Walk.each(l, (owner, a, path) -> values.add(Walk.value(a)));
        for (String part : parts) {
            assertThat(values).as("'%s' of %s", part, name).noneMatch(v -> v.contains(part));
        }
        byte[] bytes = Files.readAllBytes(out);
        assertThat(indexOf(bytes, encoded)).as("encoded name in %s", name).isEqualTo(-1);
        assertThat(l.get(Attrs.tag("SpecificCharacterSet"))).as(name).isNull();
        assertThat(PhiScanner.scan(out).phi())
                .as("PHI left in %s", name)
                .allMatch(f -> f.kind() == PhiKind.BURNED_IN_ANNOTATION_UNKNOWN);
        List<String> before = Dciodvfy.run(in).errors();
        List<String> introduced =
                Dciodvfy.run(out).errors().stream().filter(e -> !before.contains(e)).toList();
        assertThat(introduced).as("dciodvfy errors introduced in %s", name).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
