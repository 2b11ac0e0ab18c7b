package org.clinval.app.init;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clinval.app.cli.Progress;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;

/**
 * What the headers of a DICOM folder say a study needs to know before it is drafted: how many
 * images there are and of which modalities. Only headers are read (up to Pixel Data); the study
 * check later reads every image in full.
 *
 * @param files regular files below the folder
 * @param dicom files with the DICOM Part 10 preamble
 * @param images DICOM files whose header describes an image
 * @param modalities image count per Modality (0008,0060), in code order
 */
record DicomSurvey(long files, long dicom, long images, SortedMap<String, Long> modalities) {

    /** The number of files from which the survey shows its progress. */
    static final int PROGRESS_FROM = 1000;

    /**
     * Reads the headers below {@code folder}; a problem (one line, naming the folder and the
     * option) when the folder holds no usable image.
     */
    static Optional<DicomSurvey> of(Path folder, List<String> problems, PrintWriter err) {
        if (!Files.isDirectory(folder)) {
            problems.add(
                    (Files.exists(folder) ? "not a folder: " : "no such folder: ")
                            + folder
                            + " (--dicom)");
            return Optional.empty();
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(folder)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add("cannot list " + folder + " (--dicom): " + e.getMessage());
            return Optional.empty();
        }
        long dicom = 0;
        long images = 0;
        SortedMap<String, Long> modalities = new TreeMap<>();
        // A few thousand headers take seconds: only then is progress worth a line.
        Optional<Progress> progress =
                all.size() >= PROGRESS_FROM
                        ? Optional.of(new Progress("init: DICOM headers", all.size(), err))
                        : Optional.empty();
        long seen = 0;
        for (Path f : all) {
            long n = ++seen;
            progress.ifPresent(p -> p.update(n));
            if (!DicomReader.isPart10(f)) continue;
            dicom++;
            try {
                DicomMetadata m = DicomReader.metadata(f);
                if (!m.image()) continue;
                images++;
                m.modality()
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .ifPresent(x -> modalities.merge(x, 1L, Long::sum));
            } catch (DicomReadException e) {
                // The study check names every file it cannot read; a survey only counts.
            }
        }
        progress.ifPresent(Progress::close);
        DicomSurvey s = new DicomSurvey(all.size(), dicom, images, modalities);
        if (all.isEmpty()) {
            problems.add("no files in " + folder + " (--dicom)");
        } else if (dicom == 0) {
            problems.add(
                    "no DICOM files found in "
                            + folder
                            + " (--dicom): "
                            + (all.size() == 1
                                    ? "its one file does not start"
                                    : "none of its " + all.size() + " files starts")
                            + " with the DICOM preamble (128 bytes, then DICM)");
        } else if (images == 0) {
            problems.add(
                    "no DICOM images in "
                            + folder
                            + " (--dicom): its "
                            + dicom
                            + " DICOM files hold no image (no Rows and Columns)");
        } else if (modalities.isEmpty()) {
            problems.add(
                    "no image in "
                            + folder
                            + " (--dicom) states its Modality (0008,0060), so the study cannot"
                            + " say which it takes");
        } else {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** Returns the modalities found, e.g. {@code CT (120 images)}. */
    String describe() {
        StringBuilder b = new StringBuilder();
        modalities.forEach(
                (m, n) ->
                        b.append(b.length() == 0 ? "" : ", ")
                                .append(m)
                                .append(" (")
                                .append(n)
                                .append(n == 1 ? " image)" : " images)"));
        return b.toString();
    }
}
