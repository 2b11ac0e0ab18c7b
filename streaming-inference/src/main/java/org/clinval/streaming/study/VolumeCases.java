package org.clinval.streaming.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.clinval.common.Problem;
import org.clinval.common.Sha256;
import org.clinval.imaging.dataset.FileCheck;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.Volume;
import org.clinval.imaging.dicom.VolumeAssembler;
import org.clinval.imaging.dicom.VolumeFinding;
import org.clinval.streaming.VolumeCase;

/**
 * The checks and inputs of a segmentation or detection study, whose cases are whole series: each
 * usable case's slices must form a regular volume (sorted along the slice normal; a gap, a
 * duplicate position, irregular spacing, mixed orientation or size quarantine the case with the
 * reason), its reference must be there, and the reference lesions file must read.
 */
public final class VolumeCases {

    private VolumeCases() {}

    /** Checks the series and references of {@code plan}'s usable cases. */
    static CasePlan check(CasePlan plan, StudyCheck.Inputs in, List<Problem> problems)
            throws IOException {
        VolumeTask task = in.volume().orElseThrow();
        Map<String, String> reasons = new LinkedHashMap<>();
        if (task.detection()) {
            if (task.lesions().isEmpty()) {
                problems.add(
                        new Problem(
                                "dataset.lesions", "a detection study needs reference lesions"));
            } else if (!Files.isRegularFile(task.lesions().get())) {
                problems.add(
                        new Problem("dataset.lesions", "no such file: " + task.lesions().get()));
            } else {
                try {
                    readLesions(task.lesions().get());
                } catch (IOException e) {
                    problems.add(new Problem("dataset.lesions", e.getMessage()));
                }
            }
        } else if (task.referenceMasks().isEmpty()
                || !Files.isDirectory(task.referenceMasks().get())) {
            problems.add(
                    new Problem(
                            "dataset.reference_masks",
                            task.referenceMasks()
                                    .map(p -> "no such folder: " + p)
                                    .orElse("a segmentation study needs reference masks")));
        }
        for (PlannedCase c : plan.usable()) {
            seriesProblem(c, in.images()).ifPresent(r -> reasons.put(c.caseId(), r));
            if (!task.detection() && task.referenceMasks().isPresent()) {
                Optional<Path> ref = referenceMask(c, task);
                boolean positive = c.truth().orElseThrow().label().equals(in.positiveClass());
                if (ref.isEmpty() && positive) {
                    reasons.merge(
                            c.caseId(),
                            "no reference mask for this positive case",
                            (a, b) -> a + "; " + b);
                }
            }
        }
        return plan.withReasons(reasons);
    }

    /** Returns why the case's images are not one regular volume, if they are not. */
    static Optional<String> seriesProblem(PlannedCase c, Path images) {
        List<DicomImage> slices = new ArrayList<>();
        for (FileCheck f : c.files().orElseThrow().images()) {
            try {
                slices.add(DicomReader.read(images.resolve(f.relative())));
            } catch (DicomReadException e) {
                return Optional.of(c.fileId(c.files().get().number(f)) + ": unreadable");
            }
        }
        Volume v = VolumeAssembler.assemble(slices);
        if (v.regular()) {
            return slices.size() < 2
                    ? Optional.of("the series has one slice; the study needs a volume")
                    : Optional.empty();
        }
        Map<VolumeFinding.Kind, Integer> kinds = new TreeMap<>();
        v.findings().forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        kinds.forEach(
                (k, n) ->
                        parts.add(
                                k.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                        + (n > 1 ? " (" + n + ")" : "")));
        return Optional.of(
                "the series is not a regular volume: "
                        + String.join(", ", parts)
                        + "; refused, not corrected");
    }

    /** The reference mask files a case may have: a DICOM SEG, or a NIfTI-1 mask on its grid. */
    static final List<String> REFERENCE_EXTENSIONS = List.of(".dcm", ".nii.gz", ".nii");

    /** The case's reference mask file (DICOM SEG or NIfTI), if there is one. */
    static Optional<Path> referenceMask(PlannedCase c, VolumeTask task) {
        Path dir = task.referenceMasks().orElseThrow();
        for (String name : keys(c)) {
            for (String ext : REFERENCE_EXTENSIONS) {
                Path p = dir.resolve(name + ext);
                if (Files.isRegularFile(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> keys(PlannedCase c) {
        List<String> out = new ArrayList<>();
        c.files().ifPresent(f -> out.add(f.key()));
        c.truth().ifPresent(t -> out.add(t.caseId()));
        return out;
    }

    /**
     * Writes the list file of a usable case ({@link VolumeCase}) into {@code dir}; returns its
     * path.
     *
     * @param slicePath where each of the case's images is read (the locked file or its
     *     de-identified copy)
     */
    public static Path listFile(
            PlannedCase c,
            StudyCheck.Inputs in,
            Function<FileCheck, Path> slicePath,
            Map<String, List<VolumeCase.LesionMm>> lesions,
            Path dir)
            throws IOException {
        VolumeTask task = in.volume().orElseThrow();
        List<VolumeCase.Slice> slices = new ArrayList<>();
        List<VolumeCase.Slice> originals = new ArrayList<>();
        for (FileCheck f : c.files().orElseThrow().images()) {
            Path p = slicePath.apply(f).toAbsolutePath();
            String id = c.fileId(c.files().get().number(f));
            Path original = in.images().resolve(f.relative()).toAbsolutePath();
            boolean copy = !p.normalize().equals(original.normalize());
            slices.add(new VolumeCase.Slice(id, p.toString(), copy ? Sha256.of(p) : f.sha256()));
            if (copy) originals.add(new VolumeCase.Slice(id, original.toString(), f.sha256()));
        }
        Optional<VolumeCase.Slice> reference = Optional.empty();
        if (!task.detection()) {
            reference =
                    referenceMask(c, task)
                            .map(
                                    p ->
                                            new VolumeCase.Slice(
                                                    c.caseId() + "/reference",
                                                    p.toAbsolutePath().toString(),
                                                    sha(p)));
        }
        VolumeCase vc =
                new VolumeCase(
                        c.caseId(),
                        slices,
                        reference,
                        lesions.getOrDefault(c.caseId(), List.of()),
                        originals);
        Path file = dir.resolve(c.caseId().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
        vc.write(file);
        return file;
    }

    private static String sha(Path p) {
        try {
            return Sha256.of(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Returns the reference lesions of each usable case by pseudonym: rows are matched to a case by
     * the case's folder name, its ground-truth case id or its Series Instance UID (LUNA16's {@code
     * seriesuid}); LUNA16 diameters become radii.
     */
    public static Map<String, List<VolumeCase.LesionMm>> lesions(
            CasePlan plan, StudyCheck.Inputs in) throws IOException {
        VolumeTask task = in.volume().orElseThrow();
        Map<String, List<VolumeCase.LesionMm>> byKey = readLesions(task.lesions().orElseThrow());
        Map<String, List<VolumeCase.LesionMm>> out = new TreeMap<>();
        for (PlannedCase c : plan.usable()) {
            List<String> keys = new ArrayList<>(keys(c));
            FileCheck first = c.files().orElseThrow().images().get(0);
            try {
                DicomReader.metadata(in.images().resolve(first.relative()))
                        .seriesInstanceUid()
                        .ifPresent(keys::add);
            } catch (DicomReadException e) {
                // The series check names an unreadable slice.
            }
            List<VolumeCase.LesionMm> found = new ArrayList<>();
            for (String k : keys) {
                List<VolumeCase.LesionMm> l = byKey.get(k);
                if (l != null) {
                    found.addAll(l);
                    break;
                }
            }
            out.put(c.caseId(), found);
        }
        return out;
    }

    /**
     * Reads a lesions file, clinval's ({@code case_id|scan,x,y,z,radius}) or LUNA16's annotations,
     * through imaging's reader (byte-order mark and CRLF accepted; a bad value named by line and
     * column), by case key.
     */
    static Map<String, List<VolumeCase.LesionMm>> readLesions(Path file) throws IOException {
        List<org.clinval.imaging.volume.ReferenceLesion> all;
        try {
            all = org.clinval.imaging.volume.LesionCsv.readLesions(file);
        } catch (org.clinval.imaging.ImagingException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, List<VolumeCase.LesionMm>> out = new LinkedHashMap<>();
        for (org.clinval.imaging.volume.ReferenceLesion l : all) {
            out.computeIfAbsent(l.caseId(), k -> new ArrayList<>())
                    .add(
                            new VolumeCase.LesionMm(
                                    l.centre().x(),
                                    l.centre().y(),
                                    l.centre().z(),
                                    l.diameterMm() / 2));
        }
        return out;
    }
}
