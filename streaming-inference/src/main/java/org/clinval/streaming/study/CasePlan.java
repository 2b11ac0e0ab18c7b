package org.clinval.streaming.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clinval.common.Problem;
import org.clinval.common.Quote;
import org.clinval.imaging.dataset.CaseFiles;
import org.clinval.imaging.dataset.DatasetInventory;
import org.clinval.imaging.dataset.FileCheck;

/**
 * The cases of a study: the checked image folder joined with the reference standard, each case
 * once, with a pseudonym and either its image or the reason it will be quarantined.
 *
 * <p><b>Pseudonyms.</b> A folder's or file's name may be the patient's. When the reference standard
 * has an {@code image} column, it links each row to its case's folder or file and the row's {@code
 * case_id} is the case's name in every output. Without it, {@code case_id} names the folders, and
 * every case gets an assigned pseudonym ({@code C0001}, {@code C0002}, … in the order of the names)
 * instead. An image case without a row is always assigned one. Files are named by their case and
 * number ({@code C0007/F2}). The key from names to pseudonyms ({@link #keyRows}) is for the QA team
 * and never belongs in a run folder.
 *
 * @param cases every case, in pseudonym order
 * @param problems what is wrong with the inputs as a whole (blocks a study)
 * @param ignored files of the image folder that belong to no case, with their reasons
 * @param linked whether the reference standard links rows to images by an {@code image} column
 */
public record CasePlan(
        List<PlannedCase> cases, List<Problem> problems, List<FileCheck> ignored, boolean linked) {

    public CasePlan {
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
    }

    /** Joins {@code images} with {@code truth}. */
    public static CasePlan of(DatasetInventory images, GroundTruthTable truth) {
        return of(images, truth, false);
    }

    /**
     * Joins {@code images} with {@code truth}; with {@code series}, a case is one series of many
     * images (segmentation and detection studies).
     */
    public static CasePlan of(DatasetInventory images, GroundTruthTable truth, boolean series) {
        List<Problem> problems = new ArrayList<>(truth.problems());
        boolean linked = truth.columns().contains("image");
        Map<String, CaseFiles> byKey = new LinkedHashMap<>();
        images.cases().forEach(c -> byKey.put(c.key(), c));
        // Rows by the key of the case they name (folder name, or the image column's case).
        Map<String, List<GroundTruthRow>> rowsByName = new LinkedHashMap<>();
        String file = truth.file().getFileName().toString();
        for (GroundTruthRow r : truth.rows()) {
            String name = linked ? r.caseId() : r.caseId();
            if (linked) {
                if (r.image().isEmpty()) {
                    problems.add(
                            new Problem(file + " line " + r.line(), "column 'image' is empty"));
                    continue;
                }
                Path p = Path.of(r.image()).normalize();
                if (p.isAbsolute() || p.startsWith("..")) {
                    problems.add(
                            new Problem(
                                    file + " line " + r.line() + ", column 'image'",
                                    Quote.value(r.image())
                                            + " leaves the image folder; name the case's folder or"
                                            + " file relative to dataset.dicom"));
                    continue;
                }
            }
            rowsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        List<Draft> drafts =
                linked ? linkedDrafts(byKey, rowsByName) : namedDrafts(byKey, rowsByName);
        return new CasePlan(
                finish(drafts, linked, images, series), problems, images.ignored(), linked);
    }

    /** A case before its pseudonym is final. */
    private record Draft(
            String name, Optional<CaseFiles> files, List<GroundTruthRow> rows, String note) {}

    private static List<Draft> namedDrafts(
            Map<String, CaseFiles> byKey, Map<String, List<GroundTruthRow>> rows) {
        Set<String> names = new TreeSet<>(byKey.keySet());
        names.addAll(rows.keySet());
        List<Draft> out = new ArrayList<>();
        for (String n : names) {
            out.add(
                    new Draft(
                            n,
                            Optional.ofNullable(byKey.get(n)),
                            rows.getOrDefault(n, List.of()),
                            ""));
        }
        return out;
    }

    private static List<Draft> linkedDrafts(
            Map<String, CaseFiles> byKey, Map<String, List<GroundTruthRow>> rowsById) {
        List<Draft> out = new ArrayList<>();
        Map<String, String> imageTakenBy = new TreeMap<>();
        for (Map.Entry<String, List<GroundTruthRow>> e : rowsById.entrySet()) {
            GroundTruthRow first = e.getValue().get(0);
            String key = DatasetInventory.key(Path.of(first.image()).normalize());
            String taken = imageTakenBy.putIfAbsent(key, e.getKey());
            String note =
                    taken == null
                            ? ""
                            : "its image is also named by case " + taken + " of the ground truth";
            out.add(
                    new Draft(
                            e.getKey(),
                            taken == null ? Optional.ofNullable(byKey.get(key)) : Optional.empty(),
                            e.getValue(),
                            note));
        }
        for (CaseFiles c : byKey.values()) {
            if (!imageTakenBy.containsKey(c.key())) {
                out.add(new Draft(null, Optional.of(c), List.of(), ""));
            }
        }
        return out;
    }

    private static List<PlannedCase> finish(
            List<Draft> drafts, boolean linked, DatasetInventory images, boolean series) {
        Set<String> used = new HashSet<>();
        if (linked) {
            drafts.stream().filter(d -> d.name() != null).forEach(d -> used.add(d.name()));
        }
        Map<Draft, String> ids = new LinkedHashMap<>();
        int next = 1;
        for (Draft d : drafts) {
            if (linked && d.name() != null) {
                ids.put(d, d.name());
                continue;
            }
            String id;
            do {
                id = String.format("C%04d", next++);
            } while (used.contains(id));
            used.add(id);
            ids.put(d, id);
        }
        // Where each image file went, to name the case a duplicate repeats.
        Map<Path, String> fileIds = new TreeMap<>();
        for (Draft d : drafts) {
            d.files()
                    .ifPresent(
                            c ->
                                    c.files()
                                            .forEach(
                                                    f ->
                                                            fileIds.put(
                                                                    f.relative(),
                                                                    ids.get(d)
                                                                            + "/F"
                                                                            + c.number(f))));
        }
        List<PlannedCase> out = new ArrayList<>();
        for (Draft d : drafts) {
            out.add(plan(ids.get(d), d, fileIds, series));
        }
        out.sort(java.util.Comparator.comparing(PlannedCase::caseId));
        return out;
    }

    private static PlannedCase plan(String id, Draft d, Map<Path, String> fileIds, boolean series) {
        Optional<GroundTruthRow> row =
                d.rows().isEmpty() ? Optional.empty() : Optional.of(d.rows().get(0));
        List<String> reasons = new ArrayList<>();
        if (!d.note().isEmpty()) {
            reasons.add(d.note());
        }
        if (d.rows().size() > 1) {
            reasons.add(
                    d.rows().size()
                            + " ground-truth rows (lines "
                            + String.join(
                                    ", ",
                                    d.rows().stream().map(r -> Long.toString(r.line())).toList())
                            + ")");
        }
        Optional<FileCheck> image = Optional.empty();
        if (d.files().isPresent()) {
            CaseFiles c = d.files().get();
            Optional<CaseFiles.CaseProblem> p = c.problem(series);
            if (p.isPresent()) {
                String r = id + "/" + p.get().reason();
                if (p.get().duplicateOf().isPresent()) {
                    String other = fileIds.get(p.get().duplicateOf().get());
                    if (other != null) {
                        r += " (" + other + ")";
                    }
                }
                reasons.add(r);
            } else {
                image = Optional.of(c.images().get(0));
            }
        } else if (d.note().isEmpty()) {
            reasons.add("no image: the image folder has no case for this ground-truth row");
        }
        if (row.isEmpty()) {
            reasons.add("no ground truth for this case");
        } else if (!row.get().gradeReason().isEmpty()) {
            reasons.add(
                    "no reference grade (line "
                            + row.get().line()
                            + "): "
                            + row.get().gradeReason());
        }
        return new PlannedCase(id, d.files(), image, row, String.join("; ", reasons));
    }

    /**
     * Returns this plan with the cases of {@code reasons} quarantined for those reasons (added to
     * any they had): what the checks after the join found, e.g. a series that is not a volume.
     */
    public CasePlan withReasons(Map<String, String> reasons) {
        if (reasons.isEmpty()) return this;
        List<PlannedCase> out = new ArrayList<>();
        for (PlannedCase c : cases) {
            String r = reasons.get(c.caseId());
            out.add(
                    r == null
                            ? c
                            : new PlannedCase(
                                    c.caseId(),
                                    c.files(),
                                    c.image(),
                                    c.truth(),
                                    c.reason().isEmpty() ? r : c.reason() + "; " + r));
        }
        return new CasePlan(out, problems, ignored, linked);
    }

    /** Returns the cases the model will score. */
    public List<PlannedCase> usable() {
        return cases.stream().filter(PlannedCase::usable).toList();
    }

    /** Returns the cases that will be quarantined. */
    public List<PlannedCase> toQuarantine() {
        return cases.stream().filter(c -> !c.usable()).toList();
    }

    /** Returns the number of files of the image folder, every one accounted for. */
    public int files() {
        return ignored.size()
                + cases.stream()
                        .mapToInt(c -> c.files().map(f -> f.files().size()).orElse(0))
                        .sum();
    }
}
