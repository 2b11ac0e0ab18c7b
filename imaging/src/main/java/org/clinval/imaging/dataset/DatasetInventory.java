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
        Map<String, FileCheck> bySop = new HashMap<>();
        Map<String, FileCheck> byBytes = new HashMap<>();
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

    private static FileCheck mark(
            String key, FileCheck f, Map<String, FileCheck> bySop, Map<String, FileCheck> byBytes) {
        FileCheck sameBytes = byBytes.putIfAbsent(f.sha256(), f);
        FileCheck sameSop = f.sopInstanceUid().map(u -> bySop.putIfAbsent(u, f)).orElse(null);
        FileCheck first = sameBytes != null ? sameBytes : sameSop;
        if (first == null) {
            return f;
        }
        String how = sameBytes != null ? "the same bytes" : "the same SOP Instance UID";
        boolean sameCase = key(first.relative()).equals(key);
        if (sameCase && sameBytes == null) {
            return f.duplicateOf(
                    first.relative(),
                    FileStatus.BAD,
                    "the same SOP Instance UID as another file of the case, with different"
                            + " content");
        }
        if (sameCase) {
            return f.duplicateOf(
                    first.relative(),
                    FileStatus.DUPLICATE,
                    "a copy of another file of the case (" + how + "); set aside");
        }
        return f.duplicateOf(
                first.relative(),
                FileStatus.DUPLICATE,
                "the same image as another case's (" + how + "); the first case keeps it");
    }
}
