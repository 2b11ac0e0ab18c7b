package org.clinval.imaging.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.OphthalmicPhoto;
import org.clinval.imaging.dicom.write.OphthalmicPhotoWriter;
import org.clinval.imaging.phantom.internal.NiftiMask;

/**
 * Writes generated fundus cases as an eye clinic might export them: Ophthalmic Photography images
 * with the synthetic patients' identifying data (the canaries), a lesion mask per case, and the
 * grades of three graders plus the adjudicated grade. The same generator settings give
 * byte-identical files.
 *
 * <pre>
 * root/dicom/case-0001/IM001.dcm        OP image (RGB)
 * root/truth/masks/case-0001.nii.gz     lesion mask, 1 inside any lesion (empty for grade 0)
 * root/truth/ground-truth.csv           case_id,…,grader_1,grader_2,grader_3,adjudicated,…
 * </pre>
 */
public final class FundusStudyWriter {

    /** The ground-truth header; grades are written as names ({@link FundusGenerator#GRADES}). */
    public static final String GROUND_TRUTH_HEADER =
            "case_id,patient_id,site,manufacturer,sex,age_band,eye,grader_1,grader_2,grader_3,"
                    + "adjudicated,microaneurysms,haemorrhages,exudates,cotton_wool_spots,"
                    + "neovascularisation,venous_beading";

    private FundusStudyWriter() {}

    /** Generates cases {@code 0 … n−1} of {@code generator} and writes them under {@code root}. */
    public static ImageStudy write(FundusGenerator generator, int n, Path root)
            throws ImagingException {
        if (n < 1) throw new IllegalArgumentException("number of cases is not positive: " + n);
        Path dicom = root.resolve("dicom");
        Path truth = root.resolve("truth");
        Path masks = truth.resolve("masks");
        try {
            Files.createDirectories(dicom);
            Files.createDirectories(masks);
        } catch (IOException e) {
            throw new ImagingException(
                    root + ": cannot create the study folders: " + e.getMessage(), e);
        }
        List<FundusCase> written;
        try {
            written =
                    IntStream.range(0, n)
                            .parallel()
                            .mapToObj(i -> writeCase(generator, i, dicom, masks))
                            .toList();
        } catch (UncheckedIOException e) {
            throw new ImagingException(
                    "cannot write the fundus phantom study: " + e.getCause().getMessage(),
                    e.getCause());
        }
        List<String> rows = new ArrayList<>(List.of(GROUND_TRUTH_HEADER));
        List<String> canaries = new ArrayList<>();
        int referable = 0;
        for (FundusCase c : written) {
            rows.add(truthRow(c));
            canaries.addAll(c.canaries());
            if (c.grade() >= 2) referable++;
        }
        Path groundTruth = truth.resolve("ground-truth.csv");
        try {
            Files.write(groundTruth, rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImagingException(
                    truth + ": cannot write the ground truth: " + e.getMessage(), e);
        }
        return new ImageStudy(
                root,
                dicom,
                groundTruth,
                Optional.of(masks),
                n,
                referable,
                List.copyOf(new TreeSet<>(canaries)));
    }

    private static FundusCase writeCase(FundusGenerator g, int i, Path dicom, Path masks) {
        FundusCase c = g.generateCase(i);
        try {
            OphthalmicPhotoWriter.write(
                    PhantomHeaders.series(
                            c.caseId(),
                            c.index(),
                            c.studyDate(),
                            c.patient(),
                            c.institution(),
                            g.seed(),
                            "fundus",
                            c.camera().manufacturer(),
                            c.camera().model(),
                            c.camera().station()),
                    new OphthalmicPhoto(
                            c.rows(),
                            c.columns(),
                            c.rgb(),
                            c.pixelSpacingMm(),
                            c.laterality(),
                            c.camera().fieldOfViewDegrees(),
                            1),
                    dicom.resolve(c.caseId()).resolve("IM001.dcm"));
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

    private static String truthRow(FundusCase c) {
        List<String> g = FundusGenerator.GRADES;
        FundusLesions l = c.lesions();
        return String.join(
                ",",
                c.caseId(),
                c.patient().id(),
                c.camera().id(),
                c.camera().manufacturer(),
                c.patient().sex(),
                c.ageBand(),
                c.laterality(),
                g.get(c.graders()[0]),
                g.get(c.graders()[1]),
                g.get(c.graders()[2]),
                g.get(c.grade()),
                Integer.toString(l.microaneurysms()),
                Integer.toString(l.haemorrhages()),
                Integer.toString(l.exudates()),
                Integer.toString(l.cottonWoolSpots()),
                Integer.toString(l.neovascularisation()),
                l.venousBeading() ? "1" : "0");
    }
}
