package org.clinval.streaming;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * What the job needs to evaluate one case of a segmentation or detection study: the slices of its
 * series, its reference mask, its reference lesions. Written by the study before the job into a
 * list file outside the run folder (the manifest's {@code file} column names it; paths may be PHI,
 * so the file never reaches an output), read by the evaluator.
 *
 * @param caseId the case's pseudonym
 * @param slices the series' files with their locked SHA-256, in any order
 * @param reference the reference mask (DICOM SEG), when the case has one
 * @param lesions the reference lesions (detection), in patient mm
 * @param originals the locked original slices when {@code slices} are de-identified copies (whose
 *     UIDs differ, so a reference SEG is matched to the originals), else empty
 */
public record VolumeCase(
        String caseId,
        List<Slice> slices,
        Optional<Slice> reference,
        List<LesionMm> lesions,
        List<Slice> originals) {

    /** The list file's header. */
    public static final String HEADER = "kind,id,path,sha256,x,y,z,radius";

    public VolumeCase {
        slices = List.copyOf(slices);
        lesions = List.copyOf(lesions);
        originals = List.copyOf(originals);
    }

    /**
     * A file of the case.
     *
     * @param id its pseudonymous id ({@code C0007/F2})
     * @param path where to read it
     * @param sha256 its SHA-256 when locked
     */
    public record Slice(String id, String path, String sha256) implements java.io.Serializable {}

    /**
     * A reference lesion: centre in patient coordinates (mm) and radius (mm).
     *
     * @param x x
     * @param y y
     * @param z z
     * @param radius radius
     */
    public record LesionMm(double x, double y, double z, double radius)
            implements java.io.Serializable {}

    /** Writes the list file. */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p =
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(HEADER.split(","))
                                .setRecordSeparator('\n')
                                .get()
                                .print(w)) {
            for (Slice s : slices)
                p.printRecord("image", s.id(), s.path(), s.sha256(), "", "", "", "");
            for (Slice s : originals) {
                p.printRecord("source", s.id(), s.path(), s.sha256(), "", "", "", "");
            }
            if (reference.isPresent()) {
                Slice r = reference.get();
                p.printRecord("reference", r.id(), r.path(), r.sha256(), "", "", "", "");
            }
            for (LesionMm l : lesions) {
                p.printRecord(
                        "lesion",
                        "",
                        "",
                        "",
                        Double.toString(l.x()),
                        Double.toString(l.y()),
                        Double.toString(l.z()),
                        Double.toString(l.radius()));
            }
        }
    }

    /** Reads the list file of {@code caseId}. */
    public static VolumeCase read(String caseId, Path file) throws IOException {
        List<Slice> slices = new ArrayList<>();
        Optional<Slice> reference = Optional.empty();
        List<LesionMm> lesions = new ArrayList<>();
        List<Slice> originals = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p =
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get()
                                .parse(r)) {
            for (CSVRecord rec : p) {
                switch (rec.get("kind")) {
                    case "image" ->
                            slices.add(
                                    new Slice(rec.get("id"), rec.get("path"), rec.get("sha256")));
                    case "source" ->
                            originals.add(
                                    new Slice(rec.get("id"), rec.get("path"), rec.get("sha256")));
                    case "reference" ->
                            reference =
                                    Optional.of(
                                            new Slice(
                                                    rec.get("id"),
                                                    rec.get("path"),
                                                    rec.get("sha256")));
                    case "lesion" ->
                            lesions.add(
                                    new LesionMm(
                                            Double.parseDouble(rec.get("x")),
                                            Double.parseDouble(rec.get("y")),
                                            Double.parseDouble(rec.get("z")),
                                            Double.parseDouble(rec.get("radius"))));
                    default ->
                            throw new IOException(
                                    "case "
                                            + caseId
                                            + ": unknown kind in its list file, line "
                                            + p.getCurrentLineNumber());
                }
            }
        }
        return new VolumeCase(caseId, slices, reference, lesions, originals);
    }
}
