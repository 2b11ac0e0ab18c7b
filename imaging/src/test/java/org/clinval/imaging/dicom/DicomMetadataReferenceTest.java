package org.clinval.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Header values of every Debian pydicom test file that both readers parse, against pydicom 2.3.1's
 * {@code dcmread(path, stop_before_pixels=True)} (written to {@code target/dicom-reference/
 * metadata.csv} by {@code src/test/python/dicom_reference.py}): metadata, and for decodable images
 * geometry, modality LUT and the first VOI window.
 */
class DicomMetadataReferenceTest {

    /** pydicom parses these; PixelMed refuses them (see DicomReaderReferenceTest). */
    static final Set<String> UNPARSED = Set.of("SC_rgb_jpeg.dcm");

    static List<String[]> rows = new ArrayList<>();
    static List<String> header;

    @BeforeAll
    static void load() throws IOException, InterruptedException {
        Path ref = DebianDicomFiles.reference();
        for (String line : Files.readAllLines(ref.resolve("metadata.csv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] c = parse(line);
            if (header == null) {
                header = List.of(c);
            } else {
                rows.add(c);
            }
        }
    }

    /** CSV with optional double quotes, as Python's csv module writes it. */
    static String[] parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out.toArray(String[]::new);
    }

    @TestFactory
    Stream<DynamicTest> headerValuesAgreeWithPydicom() {
        assertThat(rows).hasSizeGreaterThan(60);
        return rows.stream()
                .filter(r -> !UNPARSED.contains(r[0]))
                .map(r -> DynamicTest.dynamicTest(r[0], () -> check(r)));
    }

    private String v(String[] r, String key) {
        return r[header.indexOf(key)].trim();
    }

    private Optional<String> opt(String[] r, String key) {
        String s = v(r, key);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private double[] nums(String[] r, String key) {
        String s = v(r, key);
        if (s.isEmpty()) {
            return new double[0];
        }
        return Stream.of(s.split("\\\\")).mapToDouble(Double::parseDouble).toArray();
    }

    private void check(String[] r) throws Exception {
        Path file = DebianDicomFiles.TEST_FILES.resolve(r[0]);
        DicomMetadata m;
        try {
            m = DicomReader.metadata(file);
        } catch (DicomReadException e) {
            // Files without Transfer Syntax UID are refused on purpose.
            assertThat(e.getMessage()).contains("Transfer Syntax UID");
            return;
        }
        assertThat(m.modality()).isEqualTo(opt(r, "Modality"));
        assertThat(m.sopClassUid()).isEqualTo(v(r, "SOPClassUID"));
        assertThat(m.manufacturer()).isEqualTo(opt(r, "Manufacturer"));
        assertThat(m.model()).isEqualTo(opt(r, "ManufacturerModelName"));
        assertThat(m.stationName()).isEqualTo(opt(r, "StationName"));
        assertDecimal(m.kvp(), nums(r, "KVP"));
        double[] thickness = positive(nums(r, "SliceThickness"));
        assertDecimal(
                m.sliceThickness(),
                thickness.length > 0 ? thickness : positive(nums(r, "SharedSliceThickness")));
        assertThat(m.convolutionKernel()).isEqualTo(opt(r, "ConvolutionKernel"));
        assertThat(m.bodyPart()).isEqualTo(opt(r, "BodyPartExamined"));
        assertThat(m.patientSex()).isEqualTo(opt(r, "PatientSex"));
        assertThat(m.ageBand().map(AgeBand::label)).isEqualTo(expectedBand(r));
        assertThat(m.studyInstanceUid()).isEqualTo(opt(r, "StudyInstanceUID"));
        assertThat(m.seriesInstanceUid()).isEqualTo(opt(r, "SeriesInstanceUID"));
        assertThat(m.sopInstanceUid()).isEqualTo(v(r, "SOPInstanceUID"));

        DicomImage im;
        try {
            im = DicomReader.read(file);
        } catch (DicomReadException e) {
            return; // pixels not decodable: covered by DicomReaderReferenceTest
        }
        double[] ps = nums(r, "PixelSpacing");
        double[] ips = nums(r, "ImagerPixelSpacing");
        if (ps.length == 2) {
            assertThat(im.geometry().spacing())
                    .get()
                    .extracting(PixelSpacing::source)
                    .isEqualTo("PixelSpacing");
            assertThat(im.geometry().spacing().get().row()).isEqualTo(ps[0]);
            assertThat(im.geometry().spacing().get().column()).isEqualTo(ps[1]);
        } else if (ips.length == 2) {
            assertThat(im.geometry().spacing().get().source()).isEqualTo("ImagerPixelSpacing");
            assertThat(im.geometry().spacing().get().row()).isEqualTo(ips[0]);
        } else {
            assertThat(im.geometry().spacing()).isEmpty(); // never a default spacing
        }
        double[] pos = nums(r, "ImagePositionPatient");
        if (pos.length == 3) {
            Vector3 p = im.geometry().position().orElseThrow();
            assertThat(new double[] {p.x(), p.y(), p.z()}).containsExactly(pos);
        } else {
            assertThat(im.geometry().position()).isEmpty();
        }
        double[] ori = nums(r, "ImageOrientationPatient");
        if (ori.length == 6) {
            Orientation o = im.geometry().orientation().orElseThrow();
            assertThat(o.row().x()).isEqualTo(ori[0]);
            assertThat(o.column().y()).isEqualTo(ori[4]);
        } else {
            assertThat(im.geometry().orientation()).isEmpty();
        }
        if (im.monochrome()) {
            double[] slope = nums(r, "RescaleSlope");
            double[] intercept = nums(r, "RescaleIntercept");
            if (slope.length == 0 && intercept.length == 0) {
                assertThat(im.modalityLut().kind()).isEqualTo(ModalityLut.Kind.IDENTITY);
            } else {
                assertThat(im.modalityLut().slope()).isEqualTo(slope.length == 0 ? 1 : slope[0]);
                assertThat(im.modalityLut().intercept())
                        .isEqualTo(intercept.length == 0 ? 0 : intercept[0]);
                assertThat(im.modalityLut().units()).isEqualTo(opt(r, "RescaleType"));
            }
            double[] c = nums(r, "WindowCenter");
            double[] w = nums(r, "WindowWidth");
            if (c.length > 0 && w.length > 0) {
                assertThat(im.window().orElseThrow().center()).isEqualTo(c[0]);
                assertThat(im.window().orElseThrow().width()).isEqualTo(w[0]);
            } else {
                assertThat(im.windows()).isEmpty();
            }
            assertThat(im.photometricInterpretation()).isEqualTo(v(r, "PhotometricInterpretation"));
        }
    }

    private static double[] positive(double[] v) {
        return v.length > 0 && v[0] > 0 ? v : new double[0];
    }

    private static void assertDecimal(OptionalDouble actual, double[] expected) {
        if (expected.length == 0) {
            assertThat(actual).isEmpty();
        } else {
            assertThat(actual.orElseThrow()).isCloseTo(expected[0], within(0.0));
        }
    }

    /**
     * The band computed here from pydicom's strings, without our parser: PatientAge nnnY/M/W/D
     * first, else full years between PatientBirthDate and StudyDate.
     */
    private Optional<String> expectedBand(String[] r) {
        String age = v(r, "PatientAge");
        Integer years = null;
        if (age.matches("\\d{3}[DWMY]")) {
            int n = Integer.parseInt(age.substring(0, 3));
            char unit = age.charAt(3);
            years = unit == 'Y' ? n : unit == 'M' ? n / 12 : 0;
        } else if (v(r, "PatientBirthDate").matches("\\d{8}")
                && v(r, "StudyDate").matches("\\d{8}")) {
            var b =
                    java.time.LocalDate.parse(
                            v(r, "PatientBirthDate"),
                            java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            var s =
                    java.time.LocalDate.parse(
                            v(r, "StudyDate"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            years = b.isAfter(s) ? null : java.time.Period.between(b, s).getYears();
        }
        if (years == null) {
            return Optional.empty();
        }
        return Optional.of(
                years < 40 ? "<40" : years < 60 ? "40-59" : years < 75 ? "60-74" : "75+");
    }
}
