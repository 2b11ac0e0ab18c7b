package org.clinval.imaging.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.AcquisitionSeries;
import org.clinval.imaging.dicom.write.DxImageWriter;
import org.clinval.imaging.dicom.write.GreyImage;
import org.clinval.imaging.dicom.write.MrImageWriter;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.phantom.internal.NiftiMask;

/**
 * Writes generated MR or chest X-ray cases as a study: MR Image or DX Image objects with the
 * synthetic patients' identifying data (the canaries), a lesion mask per case, and the ground truth
 * as CSV. The same generator settings give byte-identical files.
 *
 * <pre>
 * root/dicom/case-0001/IM001.dcm        MR or DX image
 * root/truth/masks/case-0001.nii.gz     lesion mask (empty for negatives)
 * root/truth/ground-truth.csv           case_id,patient_id,site,manufacturer,sex,age_band,label,…
 * </pre>
 */
public final class GreyStudyWriter {

    /** The ground-truth header. */
    public static final String GROUND_TRUTH_HEADER =
            "case_id,patient_id,site,manufacturer,sex,age_band,photometric,label,lesion_row,"
                    + "lesion_column,lesion_radius_mm";

    private GreyStudyWriter() {}

    /** Generates cases {@code 0 … n−1} of {@code generator} and writes them under {@code root}. */
    public static ImageStudy write(GreyPhantomGenerator generator, int n, Path root)
            throws ImagingException {
        if (n < 1) throw new IllegalArgumentException("number of cases is not positive: " + n);
        Path dicom = root.resolve("dicom");
        Path masks = root.resolve("truth").resolve("masks");
        try {
            Files.createDirectories(dicom);
            Files.createDirectories(masks);
        } catch (IOException e) {
            throw new ImagingException(
                    root + ": cannot create the study folders: " + e.getMessage(), e);
        }
        List<GreyCase> written;
        try {
            written =
                    IntStream.range(0, n)
                            .parallel()
                            .mapToObj(i -> writeCase(generator, i, dicom, masks))
                            .toList();
        } catch (UncheckedIOException e) {
            throw new ImagingException(
                    "cannot write the phantom study: " + e.getCause().getMessage(), e.getCause());
        }
        List<String> rows = new ArrayList<>(List.of(GROUND_TRUTH_HEADER));
        List<String> canaries = new ArrayList<>();
        int positives = 0;
        for (GreyCase c : written) {
            rows.add(truthRow(c));
            canaries.addAll(c.canaries());
            if (c.positive()) positives++;
        }
        Path groundTruth = root.resolve("truth").resolve("ground-truth.csv");
        try {
            Files.write(groundTruth, rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImagingException(
                    groundTruth + ": cannot write the ground truth: " + e.getMessage(), e);
        }
        return new ImageStudy(
                root,
                dicom,
                groundTruth,
                Optional.of(masks),
                n,
                positives,
                List.copyOf(new TreeSet<>(canaries)));
    }

    private static GreyCase writeCase(GreyPhantomGenerator g, int i, Path dicom, Path masks) {
        GreyCase c = g.generateCase(i);
        try {
            AcquisitionSeries series =
                    PhantomHeaders.series(
                            c.caseId(),
                            c.index(),
                            c.studyDate(),
                            c.patient(),
                            c.institution(),
                            g.seed(),
                            c.modality().toLowerCase(Locale.ROOT),
                            c.site().manufacturer(),
                            c.site().model(),
                            c.site().station());
            boolean mr = c.modality().equals("MR");
            GreyImage image =
                    new GreyImage(
                            c.rows(),
                            c.columns(),
                            c.stored(),
                            12,
                            c.monochrome1(),
                            c.windowCenter(),
                            c.windowWidth(),
                            mr ? "HEAD" : "CHEST",
                            1);
            Path file = dicom.resolve(c.caseId()).resolve("IM001.dcm");
            if (mr) {
                double half = g.fieldOfViewMm() / 2 - c.pixelSpacingMm() / 2;
                MrImageWriter.write(
                        series,
                        image,
                        SliceGeometry.axial(
                                -half, -half, 0, c.pixelSpacingMm(), c.pixelSpacingMm(), 5),
                        Uids.derive(series.seriesInstanceUid(), "frame"),
                        500,
                        15,
                        c.site().fieldStrengthTesla(),
                        file);
            } else {
                DxImageWriter.write(series, image, c.pixelSpacingMm(), file);
            }
            NiftiMask.write(
                    c.mask(),
                    c.rows(),
                    c.columns(),
                    c.pixelSpacingMm(),
                    masks.resolve(c.caseId() + ".nii.gz"));
            return c;
        } catch (ImagingException | IOException e) {
            throw new UncheckedIOException(new IOException(c.caseId() + ": " + e.getMessage(), e));
        }
    }

    private static String truthRow(GreyCase c) {
        return String.join(
                ",",
                c.caseId(),
                c.patient().id(),
                c.site().id(),
                c.site().manufacturer(),
                c.patient().sex(),
                c.ageBand(),
                c.monochrome1() ? "MONOCHROME1" : "MONOCHROME2",
                c.positive() ? "1" : "0",
                c.positive() ? String.format(Locale.ROOT, "%.2f", c.lesionRow()) : "",
                c.positive() ? String.format(Locale.ROOT, "%.2f", c.lesionColumn()) : "",
                c.positive() ? String.format(Locale.ROOT, "%.2f", c.lesionRadiusMm()) : "");
    }
}
