package org.clinval.streaming.study;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clinval.common.Problem;
import org.clinval.imaging.dataset.CaseFiles;
import org.clinval.imaging.dataset.CheckOptions;
import org.clinval.imaging.dataset.DatasetInventory;
import org.clinval.imaging.dataset.FileCheck;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.function.JoinTruth;
import org.clinval.streaming.function.ParseManifest;

/**
 * A study's inputs as the study uses them, computed the same way by {@code study check}, at
 * registration before the approval, and by the inference step: {@link #plan} the cases, then write
 * what each step needs.
 *
 * <ul>
 *   <li>{@value #INVENTORY} (in the run folder): every file of the image folder by pseudonymous id,
 *       its SHA-256, whether it is used, set aside, ignored or quarantines its case, and why;
 *   <li>the case key (never in the run folder): pseudonyms to the folder and file names;
 *   <li>the job manifest (never in the run folder): what the inference job reads.
 * </ul>
 */
public final class StudyInputs {

    /** The file inventory's name in a run folder. */
    public static final String INVENTORY = "dataset-inventory.csv";

    /** Its header. */
    public static final String INVENTORY_HEADER = "case_id,file_id,sha256,status,reason";

    /** The stage of cases the PHI step quarantined. */
    public static final String PHI = "phi";

    /** The case key's header. */
    public static final String KEY_HEADER =
            "case_id,file_id,source,ground_truth_case_id,ground_truth_line";

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private StudyInputs() {}

    /**
     * Checks every file below {@code images} and every row of {@code groundTruth}, and joins them.
     *
     * @throws IOException if the image folder cannot be listed
     */
    public static CasePlan plan(
            Path images,
            Path groundTruth,
            String positiveClass,
            CheckOptions options,
            LongConsumer progress)
            throws IOException {
        return plan(images, groundTruth, positiveClass, options, progress, false);
    }

    /**
     * As {@link #plan(Path, Path, String, CheckOptions, LongConsumer)}; a case is a series when
     * {@code series}.
     */
    public static CasePlan plan(
            Path images,
            Path groundTruth,
            String positiveClass,
            CheckOptions options,
            LongConsumer progress,
            boolean series)
            throws IOException {
        return plan(
                images, groundTruth, positiveClass, options, progress, series, Optional.empty());
    }

    /**
     * As {@link #plan(Path, Path, String, CheckOptions, LongConsumer, boolean)}; with {@code
     * grading} the reference standard is graded (see {@link GroundTruthTable#read(Path, String,
     * Optional)}).
     */
    public static CasePlan plan(
            Path images,
            Path groundTruth,
            String positiveClass,
            CheckOptions options,
            LongConsumer progress,
            boolean series,
            Optional<GradingTask> grading)
            throws IOException {
        GroundTruthTable truth = GroundTruthTable.read(groundTruth, positiveClass, grading);
        DatasetInventory inventory = DatasetInventory.scan(images, options, progress);
        return CasePlan.of(inventory, truth, series);
    }

    /**
     * Returns what the subgroup analysis would lack: an attribute of {@code subgroups} that neither
     * the reference standard's column nor the image header gives for every usable case.
     */
    public static List<Problem> subgroupProblems(
            CasePlan plan, List<String> subgroups, Path truthFile) {
        List<Problem> out = new ArrayList<>();
        String file = truthFile.getFileName().toString();
        for (String a : subgroups) {
            List<String> missing = new ArrayList<>();
            for (PlannedCase c : plan.usable()) {
                if (attribute(c, a).isEmpty()) {
                    missing.add(c.caseId());
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String header =
                    switch (a) {
                        case "manufacturer" -> "; their images have no Manufacturer (0008,0070)";
                        case "sex" -> "; their images have no Patient's Sex (0010,0040)";
                        case "age_band" -> "; their images give no Patient's Age (0010,1010)";
                        default -> "";
                    };
            out.add(
                    new Problem(
                            "subgroups.attributes: " + a,
                            missing.size()
                                    + (missing.size() == 1 ? " case has" : " cases have")
                                    + " no "
                                    + a
                                    + " (e.g. "
                                    + String.join(
                                            ", ", missing.subList(0, Math.min(5, missing.size())))
                                    + ")"
                                    + header
                                    + "; give it in a '"
                                    + a
                                    + "' column of "
                                    + file
                                    + " or remove it from the subgroups"));
        }
        return out;
    }

    /** Returns a case's subgroup attribute: the reference standard's, else the image header's. */
    static String attribute(PlannedCase c, String name) {
        GroundTruthRow r = c.truth().orElseThrow();
        Optional<DicomMetadata> m = c.image().flatMap(FileCheck::metadata);
        return switch (name) {
            case "site" -> r.site();
            case "sex" ->
                    !r.sex().isEmpty() ? r.sex() : m.flatMap(DicomMetadata::patientSex).orElse("");
            case "age_band" ->
                    !r.ageBand().isEmpty()
                            ? r.ageBand()
                            : m.flatMap(DicomMetadata::ageBand).map(Object::toString).orElse("");
            case "manufacturer" ->
                    !r.manufacturer().isEmpty()
                            ? r.manufacturer()
                            : m.flatMap(DicomMetadata::manufacturer).orElse("");
            default -> "";
        };
    }

    /**
     * Returns the reference standard of every case that has one, keyed by pseudonym, labels as 1
     * (the positive class) and 0, subgroup attributes filled from the image header where the
     * reference standard leaves them out.
     */
    public static List<GroundTruth> truth(CasePlan plan, String positiveClass) {
        List<GroundTruth> out = new ArrayList<>();
        for (PlannedCase c : plan.cases()) {
            if (c.truth().isEmpty()) {
                continue;
            }
            GroundTruthRow r = c.truth().get();
            boolean image = c.image().isPresent();
            out.add(
                    new GroundTruth(
                            c.caseId(),
                            r.site(),
                            image ? attribute(c, "sex") : r.sex(),
                            image ? attribute(c, "age_band") : r.ageBand(),
                            r.label().equals(positiveClass) ? 1 : 0,
                            r.manufacturer()));
        }
        return out;
    }

    /** Writes {@value #INVENTORY}: every file once, by pseudonymous id. */
    public static void writeInventory(CasePlan plan, Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (PlannedCase c : plan.cases()) {
            if (c.files().isEmpty()) {
                continue;
            }
            CaseFiles files = c.files().get();
            for (FileCheck f : files.files()) {
                int n = files.number(f);
                String status =
                        switch (f.status()) {
                            case IMAGE -> c.usable() ? "used" : "quarantined";
                            case BAD -> "quarantined";
                            case DUPLICATE -> c.usable() ? "set aside" : "quarantined";
                            case IGNORED -> "ignored";
                        };
                String reason = f.reason();
                if (f.status() == org.clinval.imaging.dataset.FileStatus.IMAGE && !c.usable()) {
                    reason = "its case is quarantined: " + c.reason();
                }
                rows.add(List.of(c.caseId(), c.fileId(n), f.sha256(), status, reason));
            }
        }
        int i = 1;
        for (FileCheck f : plan.ignored()) {
            rows.add(List.of("", "ignored/" + i++, f.sha256(), "ignored", f.reason()));
        }
        write(file, INVENTORY_HEADER, rows);
    }

    /**
     * Writes the case key: each pseudonym with the folder or file name it stands for and the
     * reference standard's own case id and line. It holds names that may identify patients: keep it
     * with the study's inputs, never in a run folder.
     */
    public static void writeKey(CasePlan plan, Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (PlannedCase c : plan.cases()) {
            String gtId = c.truth().map(GroundTruthRow::caseId).orElse("");
            String gtLine = c.truth().map(r -> Long.toString(r.line())).orElse("");
            if (c.files().isEmpty()) {
                rows.add(List.of(c.caseId(), "", "", gtId, gtLine));
                continue;
            }
            CaseFiles files = c.files().get();
            for (FileCheck f : files.files()) {
                rows.add(
                        List.of(
                                c.caseId(),
                                c.fileId(files.number(f)),
                                f.relative().toString().replace(java.io.File.separatorChar, '/'),
                                gtId,
                                gtLine));
            }
        }
        int i = 1;
        for (FileCheck f : plan.ignored()) {
            rows.add(List.of("", "ignored/" + i++, f.relative().toString(), "", ""));
        }
        write(file, KEY_HEADER, rows);
    }

    /**
     * Writes the job's case manifest ({@link ParseManifest#HEADER}): every case once, the usable
     * ones with the path {@code imageFile} gives for their image, the others with the reason the
     * checks gave ({@value JoinTruth#CHECK} stage) or the PHI step gave ({@value #PHI}).
     */
    public static void writeJobManifest(
            CasePlan plan,
            Path file,
            Function<PlannedCase, Path> imageFile,
            java.util.Map<String, String> phiQuarantined)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (PlannedCase c : plan.cases()) {
            String phi = phiQuarantined.get(c.caseId());
            if (phi != null) {
                rows.add(List.of(c.caseId(), c.imageId(), "", "", PHI, phi));
            } else if (c.usable()) {
                Path image = imageFile.apply(c).toAbsolutePath();
                // The locked hash for the image itself; a de-identified copy is hashed as written.
                String sha =
                        image.endsWith(c.image().orElseThrow().relative())
                                ? c.image().orElseThrow().sha256()
                                : org.clinval.common.Sha256.of(image);
                rows.add(List.of(c.caseId(), c.imageId(), image.toString(), sha, "", ""));
            } else {
                // The input a report names: the case's first file, or its ground-truth row.
                String input = c.files().isPresent() ? c.fileId(1) : "ground truth";
                rows.add(List.of(c.caseId(), input, "", "", JoinTruth.CHECK, c.reason()));
            }
        }
        write(file, ParseManifest.HEADER, rows);
    }

    /**
     * Returns how the image folder differs from a registered inventory; see {@link
     * org.clinval.common.ImageInventory#changes}.
     */
    public static List<String> changes(Path images, Path inventory, Path key) throws IOException {
        return org.clinval.common.ImageInventory.changes(images, inventory, key);
    }

    /** Writes a job manifest of {@code rows} ({@link ParseManifest#HEADER}). */
    static void writeManifest(Path file, List<List<String>> rows) throws IOException {
        write(file, ParseManifest.HEADER, rows);
    }

    private static void write(Path file, String header, List<List<String>> rows)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter p = CSV.builder().setHeader(header.split(",")).get().print(w)) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
