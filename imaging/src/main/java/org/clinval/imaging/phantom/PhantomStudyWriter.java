package org.clinval.imaging.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtImageWriter;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.IdentifyingDetails;
import org.clinval.imaging.dicom.write.ModelIdentity;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.Segment;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SegmentationWriter;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceSeries;
import org.clinval.imaging.dicom.write.Uids;

/**
 * Writes generated cases as a study a hospital might export: CT images with the synthetic patients'
 * identifying data (the canaries), a DICOM Segmentation of the nodules of each positive case, and
 * the ground truth as CSV. The same generator settings give byte-identical files.
 *
 * <pre>
 * root/dicom/case-0001/IM001.dcm …      CT slices
 * root/truth/seg/case-0001.dcm          nodule segmentation (positives)
 * root/truth/ground-truth.csv           case_id,patient_id,site,manufacturer,sex,age_band,label,…
 * root/truth/lesions.csv                scan,x,y,z,radius (FROC truth)
 * </pre>
 */
public final class PhantomStudyWriter {

    /** The ground-truth header. */
    public static final String GROUND_TRUTH_HEADER =
            "case_id,patient_id,site,manufacturer,sex,age_band,label,lesions,lesion_x,lesion_y,lesion_z,lesion_radius_mm";

    private static final Code NODULE = new Code("27925004", "SCT", "Nodule");

    private PhantomStudyWriter() {}

    /** Generates cases {@code 0 … n−1} of {@code generator} and writes them under {@code root}. */
    public static PhantomStudy write(PhantomGenerator generator, int n, Path root)
            throws ImagingException {
        if (n < 1) {
            throw new IllegalArgumentException("number of cases is not positive: " + n);
        }
        Path dicom = root.resolve("dicom");
        Path truth = root.resolve("truth");
        Path segDir = truth.resolve("seg");
        try {
            Files.createDirectories(dicom);
            Files.createDirectories(segDir);
        } catch (IOException e) {
            throw new ImagingException(
                    root + ": cannot create the study folders: " + e.getMessage(), e);
        }
        String[] truthRows = new String[n];
        List<List<String>> lesionRows = new ArrayList<>();
        Path[] segs = new Path[n];
        List<String> canaries = new ArrayList<>();
        try {
            List<Object[]> written =
                    IntStream.range(0, n)
                            .parallel()
                            .mapToObj(
                                    i ->
                                            writeCase(
                                                    generator.generateCase(i),
                                                    generator.seed(),
                                                    dicom,
                                                    segDir))
                            .toList();
            for (int i = 0; i < n; i++) {
                PhantomCase c = (PhantomCase) written.get(i)[0];
                segs[i] = (Path) written.get(i)[1];
                truthRows[i] = truthRow(c);
                List<String> rows = new ArrayList<>();
                for (Lesion l : c.lesions()) {
                    rows.add(
                            String.format(
                                    Locale.ROOT,
                                    "%s,%.3f,%.3f,%.3f,%.3f",
                                    c.caseId(),
                                    l.x(),
                                    l.y(),
                                    l.z(),
                                    l.radiusMm()));
                }
                lesionRows.add(rows);
                canaries.addAll(c.canaries());
            }
        } catch (UncheckedIOException e) {
            throw new ImagingException(
                    "cannot write the phantom study: " + e.getCause().getMessage(), e.getCause());
        }
        Path groundTruth = truth.resolve("ground-truth.csv");
        Path lesions = truth.resolve("lesions.csv");
        try {
            List<String> gt = new ArrayList<>(List.of(GROUND_TRUTH_HEADER));
            gt.addAll(List.of(truthRows));
            Files.write(groundTruth, gt, StandardCharsets.UTF_8);
            List<String> ls = new ArrayList<>(List.of("scan,x,y,z,radius"));
            lesionRows.forEach(ls::addAll);
            Files.write(lesions, ls, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImagingException(
                    truth + ": cannot write the ground truth: " + e.getMessage(), e);
        }
        List<Path> segmentations = new ArrayList<>();
        int positives = 0;
        for (Path s : segs) {
            if (s != null) {
                segmentations.add(s);
                positives++;
            }
        }
        return new PhantomStudy(
                root,
                dicom,
                groundTruth,
                lesions,
                segmentations,
                n,
                positives,
                List.copyOf(new TreeSet<>(canaries)));
    }

    private static Object[] writeCase(PhantomCase c, long seed, Path dicom, Path segDir) {
        try {
            List<Path> slices = writeImages(c, seed, dicom.resolve(c.caseId()));
            Path seg =
                    c.positive()
                            ? writeSegmentation(
                                    c, seed, slices, segDir.resolve(c.caseId() + ".dcm"))
                            : null;
            return new Object[] {c, seg};
        } catch (ImagingException | IOException e) {
            throw new UncheckedIOException(new IOException(c.caseId() + ": " + e.getMessage(), e));
        }
    }

    private static List<Path> writeImages(PhantomCase c, long seed, Path dir)
            throws ImagingException, IOException {
        Files.createDirectories(dir);
        Patient p = c.patient();
        String s = Long.toString(seed);
        PatientStudy study =
                new PatientStudy(
                        p.id(),
                        p.name(),
                        p.sex(),
                        Uids.derive("clinval", "phantom", s, c.caseId(), "study"),
                        c.caseId().length() > 16 ? c.caseId().substring(0, 16) : c.caseId(),
                        Optional.of(studyTime(c)),
                        false);
        SiteProfile site = c.site();
        CtSeries series =
                CtSeries.builder()
                        .setStudy(study)
                        .setSeriesInstanceUid(
                                Uids.derive("clinval", "phantom", s, c.caseId(), "series"))
                        .setFrameOfReferenceUid(
                                Uids.derive("clinval", "phantom", s, c.caseId(), "frame"))
                        .setBodyPartExamined("CHEST")
                        .optRescale(1, -1024)
                        .optKvp(site.kvp())
                        .optWindow(-600, 1500)
                        .optEquipment(site.manufacturer(), site.model())
                        .optAcquisition(site.station(), site.kernel())
                        .optIdentifyingDetails(
                                new IdentifyingDetails(
                                        p.birthDate(),
                                        p.ageYears(),
                                        p.otherId(),
                                        p.address(),
                                        p.accessionNumber(),
                                        c.institution(),
                                        p.referringPhysician()))
                        .build();
        PhantomImage im = c.image();
        int plane = im.rows() * im.columns();
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < im.slices(); k++) {
            float[] hu = new float[plane];
            System.arraycopy(im.hu(), k * plane, hu, 0, plane);
            SliceGeometry g =
                    SliceGeometry.axial(
                            im.originX(),
                            im.originY(),
                            im.z(k),
                            im.rowSpacingMm(),
                            im.columnSpacingMm(),
                            im.sliceSpacingMm());
            Path file = dir.resolve(String.format(Locale.ROOT, "IM%03d.dcm", k + 1));
            CtImageWriter.write(series, new CtImage(im.rows(), im.columns(), hu, g, k + 1), file);
            files.add(file);
        }
        return files;
    }

    private static Path writeSegmentation(PhantomCase c, long seed, List<Path> slices, Path file)
            throws ImagingException {
        PhantomImage im = c.image();
        int plane = im.rows() * im.columns();
        List<Lesion> lesions = c.lesions();
        boolean[][][] frames = new boolean[lesions.size()][im.slices()][plane];
        // Nodules lie apart, so each mask voxel belongs to the nodule whose surface is nearest.
        for (int k = 0; k < im.slices(); k++) {
            for (int r = 0; r < im.rows(); r++) {
                for (int col = 0; col < im.columns(); col++) {
                    int i = r * im.columns() + col;
                    if (!im.mask()[k * plane + i]) continue;
                    int best = 0;
                    double bestGap = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < lesions.size(); j++) {
                        Lesion l = lesions.get(j);
                        double dx = im.x(col) - l.x(), dy = im.y(r) - l.y(), dz = im.z(k) - l.z();
                        double gap = Math.sqrt(dx * dx + dy * dy + dz * dz) - l.radiusMm();
                        if (gap < bestGap) {
                            bestGap = gap;
                            best = j;
                        }
                    }
                    frames[best][k][i] = true;
                }
            }
        }
        List<SegmentMask> masks = new ArrayList<>();
        for (int j = 0; j < lesions.size(); j++) {
            masks.add(new SegmentMask(Segment.finding("Nodule " + (j + 1), NODULE), frames[j]));
        }
        String s = Long.toString(seed);
        DerivedInstance id =
                new DerivedInstance(
                        Uids.derive("clinval", "phantom", s, c.caseId(), "truth-seg"),
                        100,
                        1,
                        studyTime(c),
                        new ModelIdentity(
                                "clinval phantom ground truth",
                                "1",
                                sha256Hex("clinval phantom generator, seed " + s)));
        SegmentationWriter.write(SourceSeries.read(slices), masks, id, file);
        return file;
    }

    private static String sha256Hex(String text) {
        return org.clinval.common.Sha256.ofText(text);
    }

    private static LocalDateTime studyTime(PhantomCase c) {
        return c.studyDate().atTime(8, 0).plusMinutes(c.index() % 600);
    }

    private static String truthRow(PhantomCase c) {
        Lesion first = c.lesions().isEmpty() ? null : c.lesions().get(0);
        return String.join(
                ",",
                c.caseId(),
                c.patient().id(),
                c.site().id(),
                c.site().manufacturer(),
                c.patient().sex(),
                c.ageBand(),
                c.positive() ? "1" : "0",
                Integer.toString(c.lesions().size()),
                first == null ? "" : String.format(Locale.ROOT, "%.3f", first.x()),
                first == null ? "" : String.format(Locale.ROOT, "%.3f", first.y()),
                first == null ? "" : String.format(Locale.ROOT, "%.3f", first.z()),
                first == null ? "" : String.format(Locale.ROOT, "%.3f", first.radiusMm()));
    }
}
