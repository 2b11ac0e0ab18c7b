package org.clinval.imaging.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Every file below a study's image folder, checked and grouped into cases. A folder directly below
 * the image folder is one case; a file at the top is a case of its own (named by its name without
 * extension). Images that repeat an earlier one — the same SOP Instance UID, or the same bytes —
 * are marked: within a case the repeat is set aside (the case keeps one image); across cases the
 * later case is quarantined as a duplicate, so that no image is scored twice.
 *
 * @param root the image folder
 * @param cases the cases, in path order of their keys
 * @param ignored files at the top of the folder that belong to no case (system files)
 */
public record DatasetInventory(Path root, List<CaseFiles> cases, List<FileCheck> ignored) {

    public DatasetInventory {
        cases = List.copyOf(cases);
        ignored = List.copyOf(ignored);
    }

    /**
     * Checks every regular file below {@code root}; {@code progress} receives the number of files
     * done after each.
     *
     * @throws IOException if the folder cannot be listed
     */
    public static DatasetInventory scan(Path root, CheckOptions options, LongConsumer progress)
            throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, List<FileCheck>> byCase = new LinkedHashMap<>();
        List<FileCheck> ignored = new ArrayList<>();
        long done = 0;
        for (Path f : files) {
            FileCheck c = FileChecker.check(dir, f, options);
            Path rel = c.relative();
            if (rel.getNameCount() == 1 && c.status() == FileStatus.IGNORED) {
                ignored.add(c);
            } else {
                byCase.computeIfAbsent(key(rel), k -> new ArrayList<>()).add(c);
            }
            progress.accept(++done);
        }
        return new DatasetInventory(dir, duplicates(byCase), ignored);
    }

    /** Returns the number of files checked. */
    public int files() {
        return ignored.size() + cases.stream().mapToInt(c -> c.files().size()).sum();
    }

    /**
     * Returns the case a file (relative to the image folder) belongs to: its top folder or name.
     */
    public static String key(Path relative) {
        if (relative.getNameCount() > 1) {
            return relative.getName(0).toString();
        }
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<CaseFiles> duplicates(Map<String, List<FileCheck>> byCase) {
        Map<String, List<FileCheck>> bySop = new HashMap<>();
        Map<String, List<FileCheck>> byBytes = new HashMap<>();
        for (List<FileCheck> files : byCase.values()) {
            for (FileCheck f : files) {
                if (f.status() != FileStatus.IMAGE) continue;
                byBytes.computeIfAbsent(f.sha256(), k -> new ArrayList<>()).add(f);
                f.sopInstanceUid()
                        .ifPresent(u -> bySop.computeIfAbsent(u, k -> new ArrayList<>()).add(f));
            }
        }
        List<CaseFiles> out = new ArrayList<>();
        for (Map.Entry<String, List<FileCheck>> e : byCase.entrySet()) {
            List<FileCheck> files = new ArrayList<>();
            for (FileCheck f : e.getValue()) {
                files.add(f.status() == FileStatus.IMAGE ? mark(e.getKey(), f, bySop, byBytes) : f);
            }
            out.add(new CaseFiles(e.getKey(), files));
        }
        return out;
    }

    /**
     * Marks an image that repeats another. Across cases every case holding the image is
     * quarantined: which of them the image belongs to cannot be told, and keeping the first would
     * make the outcome depend on how the folders sort. Within a case a byte-identical copy is set
     * aside; the same SOP Instance UID with other content is a conflict.
     */
    private static FileCheck mark(
            String key,
            FileCheck f,
            Map<String, List<FileCheck>> bySop,
            Map<String, List<FileCheck>> byBytes) {
        List<FileCheck> sameBytes = byBytes.get(f.sha256());
        List<FileCheck> sameSop = f.sopInstanceUid().map(bySop::get).orElse(List.of());
        for (List<FileCheck> group : List.of(sameBytes, sameSop)) {
            for (FileCheck other : group) {
                if (other != f && !key(other.relative()).equals(key)) {
                    String how =
                            group == sameBytes ? "the same bytes" : "the same SOP Instance UID";
                    return f.duplicateOf(
                            other.relative(),
                            FileStatus.DUPLICATE,
                            "the same image as another case's (" + how + ")");
                }
            }
        }
        FileCheck firstBytes = sameBytes.get(0);
        if (firstBytes != f) {
            return f.duplicateOf(
                    firstBytes.relative(),
                    FileStatus.DUPLICATE,
                    "a copy of another file of the case (the same bytes); set aside");
        }
        FileCheck firstSop = sameSop.isEmpty() ? f : sameSop.get(0);
        if (firstSop != f) {
            return f.duplicateOf(
                    firstSop.relative(),
                    FileStatus.BAD,
                    "the same SOP Instance UID as another file of the case, with different"
                            + " content");
        }
        return f;
    }
}
