package org.clinval.imaging.deid;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * Where each file of a de-identification run of many patients goes, decided before anything is
 * written: its patient (told apart by Patient ID), the patient's pseudonym, and an output name made
 * of numbers only, so that no part of an input's folder or file name reaches the output:
 *
 * <pre>
 *   &lt;pseudonym&gt;/&lt;series&gt;/&lt;instance&gt;.dcm      e.g. P0002/001/0003.dcm
 * </pre>
 *
 * where {@code series} (three digits) numbers the patient's series (original Study and Series
 * Instance UID) in the order they first appear, and {@code instance} (four digits) the series'
 * files in their order. The order is the order of the files given, which the caller makes
 * reproducible (sorted paths). Messages name a file by its position in that order, {@code input
 * #7}, never by its path, which often holds the patient's name.
 */
public final class DeidPlan {

    /**
     * One file to de-identify.
     *
     * @param input the file's position in the run, 1-based
     * @param file the file
     * @param pseudonym the patient's pseudonym
     * @param patient the patient's position in order of first appearance, 1-based
     * @param series the series' number within the patient, 1-based
     * @param instance the file's number within the series, 1-based
     */
    public record Entry(
            int input, Path file, String pseudonym, int patient, int series, int instance) {

        /** Returns the output path relative to the output folder (see {@link DeidPlan}). */
        public Path output() {
            return Path.of(
                    pseudonym,
                    String.format(Locale.ROOT, "%03d", series),
                    String.format(Locale.ROOT, "%04d.dcm", instance));
        }
    }

    /**
     * A file left out of the run.
     *
     * @param input its position, 1-based
     * @param reason why, never a value of the file
     * @param failure whether it counts as a failure (an unreadable DICOM file, a DICOMDIR) rather
     *     than a file that simply is not DICOM
     */
    public record Excluded(int input, String reason, boolean failure) {}

    /**
     * A row of the re-identification key: a patient's ID and pseudonym. PHI: for the key file only.
     */
    public record KeyRow(String patientId, String pseudonym) {}

    private static final String DICOMDIR = "1.2.840.10008.1.3.10";

    private final List<Entry> entries;
    private final List<Excluded> excluded;
    private final List<KeyRow> key;

    private DeidPlan(List<Entry> entries, List<Excluded> excluded, List<KeyRow> key) {
        this.entries = List.copyOf(entries);
        this.excluded = List.copyOf(excluded);
        this.key = List.copyOf(key);
    }

    /**
     * Plans the run over {@code files} in their order; reads each file's header (not its pixels).
     *
     * @throws ImagingException naming inputs by position if a file of a second patient comes with
     *     {@link Pseudonyms#single}, if the map lacks patients (all are listed, by position), or if
     *     a file has no Patient ID where patients must be told apart
     */
    public static DeidPlan of(List<Path> files, Pseudonyms pseudonyms) throws ImagingException {
        List<Excluded> excluded = new ArrayList<>();
        Map<String, Patient> patients = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int input = i + 1;
            Path f = files.get(i);
            if (!PhiScanner.isDicomFile(f)) {
                excluded.add(new Excluded(input, "not a DICOM Part 10 file", false));
                continue;
            }
            Optional<AttributeList> header = header(f);
            if (header.isEmpty()) {
                excluded.add(new Excluded(input, "not a readable DICOM file", true));
                continue;
            }
            AttributeList h = header.get();
            if (Attrs.string(h, "SOPClassUID").isBlank()
                    && Attrs.string(h, "MediaStorageSOPClassUID").isBlank()) {
                excluded.add(
                        new Excluded(
                                input, "has no SOP Class UID: not a composite instance", true));
                continue;
            }
            if (Attrs.string(h, "MediaStorageSOPClassUID").strip().equals(DICOMDIR)) {
                excluded.add(
                        new Excluded(
                                input,
                                "a DICOMDIR is not de-identified; make a new one from the output",
                                true));
                continue;
            }
            String id = Attrs.string(h, "PatientID").strip();
            Patient p = patients.get(id);
            if (p == null) {
                if (pseudonyms.kind() == Pseudonyms.Kind.SINGLE && !patients.isEmpty()) {
                    throw new ImagingException(
                            "input #"
                                    + input
                                    + " belongs to another patient than input #"
                                    + patients.values().iterator().next().firstInput
                                    + "; one pseudonym cannot cover two patients: give a"
                                    + " pseudonym map, or let pseudonyms be generated");
                }
                if (id.isEmpty() && pseudonyms.kind() != Pseudonyms.Kind.SINGLE) {
                    throw new ImagingException(
                            "input #"
                                    + input
                                    + " has no Patient ID, so its patient cannot be told apart"
                                    + " from others; give its patient's files a run of their own"
                                    + " with one pseudonym");
                }
                int ordinal = patients.size() + 1;
                p = new Patient(id, ordinal, input, pseudonyms.of(id, ordinal).orElse(null));
                patients.put(id, p);
            }
            p.files++;
            String series =
                    Attrs.string(h, "StudyInstanceUID").strip()
                            + "\0"
                            + Attrs.string(h, "SeriesInstanceUID").strip();
            Integer known = p.series.get(series);
            int s = known != null ? known : p.series.size() + 1;
            p.series.put(series, s);
            int n = p.instances.merge(s, 1, Integer::sum);
            entries.add(new Entry(input, f, p.pseudonym, p.ordinal, s, n));
        }
        List<String> missing =
                patients.values().stream()
                        .filter(p -> p.pseudonym == null)
                        .map(Patient::describe)
                        .toList();
        if (!missing.isEmpty()) {
            throw new ImagingException(
                    missing.size()
                            + (missing.size() == 1 ? " patient is" : " patients are")
                            + " not in the pseudonym map: "
                            + String.join("; ", missing));
        }
        List<KeyRow> key = new ArrayList<>();
        patients.values().forEach(p -> key.add(new KeyRow(p.id, p.pseudonym)));
        return new DeidPlan(entries, excluded, key);
    }

    /** Returns the files to de-identify, in input order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the files left out, in input order. */
    public List<Excluded> excluded() {
        return excluded;
    }

    /** Returns the patients and their pseudonyms in order of first appearance (PHI). */
    public List<KeyRow> key() {
        return key;
    }

    private static Optional<AttributeList> header(Path f) {
        AttributeList l = new AttributeList();
        try {
            l.read(f.toFile(), TagFromName.PixelData);
        } catch (Exception e) {
            return Optional.empty();
        }
        return l.isEmpty() ? Optional.empty() : Optional.of(l);
    }

    /** A patient met during planning; {@code files} counts on after it is first seen. */
    private static final class Patient {
        final String id;
        final int ordinal;
        final int firstInput;
        final String pseudonym;
        final Map<String, Integer> series = new HashMap<>();
        final Map<Integer, Integer> instances = new HashMap<>();
        int files;

        Patient(String id, int ordinal, int firstInput, String pseudonym) {
            this.id = id;
            this.ordinal = ordinal;
            this.firstInput = firstInput;
            this.pseudonym = pseudonym;
        }

        /** Names the patient by position, never by ID. */
        String describe() {
            return "patient "
                    + ordinal
                    + " (first in input #"
                    + firstInput
                    + ", "
                    + files
                    + (files == 1 ? " file)" : " files)");
        }
    }
}
