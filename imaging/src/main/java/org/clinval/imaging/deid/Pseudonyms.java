package org.clinval.imaging.deid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a de-identification run gives each patient a pseudonym: one for all files ({@link #single}),
 * from a map of Patient ID to pseudonym ({@link #fromMap}), or generated {@code P0001}, {@code
 * P0002}... in the order patients first appear ({@link #generated}). A pseudonym becomes the new
 * Patient ID and Patient's Name, and the name of the patient's output folder, so it is 1 to 64
 * letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or digit.
 */
public final class Pseudonyms {

    private static final Pattern FOLDER_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The kinds of assignment. */
    public enum Kind {
        SINGLE,
        MAP,
        GENERATED
    }

    private final Kind kind;
    private final String single;
    private final Map<String, String> map;

    private Pseudonyms(Kind kind, String single, Map<String, String> map) {
        this.kind = kind;
        this.single = single;
        this.map = map;
    }

    /**
     * One pseudonym for every file: a run with files of a second patient is refused.
     *
     * @throws IllegalArgumentException if {@code pseudonym} is not a valid, folder-safe pseudonym
     */
    public static Pseudonyms single(String pseudonym) {
        return new Pseudonyms(Kind.SINGLE, check(pseudonym), Map.of());
    }

    /**
     * Pseudonyms from {@code patientIdToPseudonym} (keys compared after stripping spaces); a
     * patient the map lacks stops the run before anything is written.
     *
     * @throws IllegalArgumentException naming the pseudonym (never a Patient ID) if one is not
     *     valid or two patients share one
     */
    public static Pseudonyms fromMap(Map<String, String> patientIdToPseudonym) {
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : patientIdToPseudonym.entrySet()) {
            String p = check(e.getValue());
            if (seen.put(p, e.getKey()) != null) {
                throw new IllegalArgumentException(
                        "pseudonym '" + p + "' is given to two patients in the map");
            }
            m.put(Objects.requireNonNull(e.getKey(), "patient ID").strip(), p);
        }
        return new Pseudonyms(Kind.MAP, null, Map.copyOf(m));
    }

    /** Pseudonyms {@code P0001}, {@code P0002}... in the order patients first appear. */
    public static Pseudonyms generated() {
        return new Pseudonyms(Kind.GENERATED, null, Map.of());
    }

    /** Returns the kind of assignment. */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the pseudonym of the {@code ordinal}-th patient (1-based, in order of first
     * appearance) whose Patient ID is {@code patientId}; empty if the map lacks it.
     */
    Optional<String> of(String patientId, int ordinal) {
        return switch (kind) {
            case SINGLE -> Optional.of(single);
            case MAP -> Optional.ofNullable(map.get(patientId.strip()));
            case GENERATED -> Optional.of(String.format(java.util.Locale.ROOT, "P%04d", ordinal));
        };
    }

    /** Returns whether {@code s} can be a pseudonym and a folder name. */
    public static boolean isValid(String s) {
        return s != null && FOLDER_SAFE.matcher(s).matches();
    }

    private static String check(String pseudonym) {
        Pseudonym.of(pseudonym); // the DICOM rules first, with their message
        if (!isValid(pseudonym)) {
            throw new IllegalArgumentException(
                    "pseudonym '"
                            + pseudonym
                            + "' cannot name a folder: use 1-64 letters, digits, '.', '_' or '-',"
                            + " starting with a letter or digit");
        }
        return pseudonym;
    }
}
