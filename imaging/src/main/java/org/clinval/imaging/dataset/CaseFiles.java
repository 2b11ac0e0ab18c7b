package org.clinval.imaging.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one case: a folder directly below the image folder, or a file lying at its top.
 * Files are in path order; a file's number in a case ({@link #number}) is its place in that order,
 * from 1, so that it can be named without its name.
 *
 * @param key the case's folder name, or the file's name without its extension (an input name: may
 *     be PHI)
 * @param files every file of the case, in path order
 */
public record CaseFiles(String key, List<FileCheck> files) {

    public CaseFiles {
        files = List.copyOf(files);
    }

    /** Returns the usable images. */
    public List<FileCheck> images() {
        return files.stream().filter(f -> f.status() == FileStatus.IMAGE).toList();
    }

    /** Returns the number (from 1) of {@code file} in this case. */
    public int number(FileCheck file) {
        int i = files.indexOf(file);
        if (i < 0) {
            throw new IllegalArgumentException("not a file of this case: " + file.relative());
        }
        return i + 1;
    }

    /** Returns the file numbered {@code n} (from 1). */
    public FileCheck file(int n) {
        return files.get(n - 1);
    }

    /**
     * Why the case cannot be scored, if it cannot: a bad file, a duplicate of another case's image,
     * no image at all, or more than one. Files are named by their numbers ({@code F2}).
     */
    public Optional<CaseProblem> problem() {
        return problem(false);
    }

    /**
     * Why the case cannot be used; with {@code series}, a case is one series of many images (a
     * segmentation or detection study), so more than one image is not a problem.
     */
    public Optional<CaseProblem> problem(boolean series) {
        List<FileCheck> bad = files.stream().filter(f -> f.status() == FileStatus.BAD).toList();
        if (!bad.isEmpty()) {
            FileCheck first = bad.get(0);
            String more = bad.size() > 1 ? " (and " + (bad.size() - 1) + " more bad files)" : "";
            return Optional.of(
                    new CaseProblem(
                            "F" + number(first) + ": " + first.reason() + more,
                            first.duplicateOf()));
        }
        List<FileCheck> images = images();
        if (images.isEmpty()) {
            long ignored = files.stream().filter(f -> f.status() == FileStatus.IGNORED).count();
            long duplicates =
                    files.stream().filter(f -> f.status() == FileStatus.DUPLICATE).count();
            if (duplicates > 0) {
                FileCheck d =
                        files.stream()
                                .filter(f -> f.status() == FileStatus.DUPLICATE)
                                .findFirst()
                                .orElseThrow();
                return Optional.of(
                        new CaseProblem("F" + number(d) + ": " + d.reason(), d.duplicateOf()));
            }
            return Optional.of(
                    new CaseProblem(
                            "no image in the case"
                                    + (ignored == 1
                                            ? " (1 file ignored)"
                                            : ignored > 1
                                                    ? " (" + ignored + " files ignored)"
                                                    : ""),
                            Optional.empty()));
        }
        if (images.size() > 1 && !series) {
            return Optional.of(
                    new CaseProblem(
                            images.size()
                                    + " images (F"
                                    + images.stream()
                                            .map(f -> Integer.toString(number(f)))
                                            .reduce((a, b) -> a + ", F" + b)
                                            .orElse("")
                                    + "); the study scores one image per case",
                            Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * Why a case cannot be scored.
     *
     * @param reason the reason, files named by number
     * @param duplicateOf when the case's image repeats another file, that file (relative to the
     *     image folder), so that the reason can name the other case by its pseudonym
     */
    public record CaseProblem(String reason, Optional<Path> duplicateOf) {}
}
