package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiKind;
import org.clinval.imaging.dicom.write.internal.Attrs;

/**
 * The PHI scan's look at where a file lies: exports often name folders and files after the patient.
 * A component of the file's path (its name, its folder, the folder above...) is reported when it
 * holds the file's own Patient ID or Patient's Birth Date (as {@code yyyymmdd} or {@code
 * yyyy-mm-dd}), or a word of the Patient's Name. Short values (IDs and dates under 4 characters,
 * name words under 3) are not looked for: they would match by chance. Only files that do not
 * declare themselves de-identified are looked at, since a declared file's Patient ID is a
 * pseudonym, and naming its folder after it is the point.
 */
final class FileNames {

    private FileNames() {}

    /** Returns a finding per path component of {@code file} that holds the patient's identity. */
    static List<PhiFinding> of(Path file, AttributeList list) {
        String id = Attrs.string(list, "PatientID").strip().toUpperCase(Locale.ROOT);
        String birth = Attrs.string(list, "PatientBirthDate").strip();
        List<String> words = new ArrayList<>();
        for (String w :
                Attrs.string(list, "PatientName")
                        .toUpperCase(Locale.ROOT)
                        .split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                words.add(w);
            }
        }
        List<PhiFinding> out = new ArrayList<>();
        Path abs = file.toAbsolutePath().normalize();
        int n = abs.getNameCount();
        for (int up = 0; up < n; up++) {
            String name = abs.getName(n - 1 - up).toString().toUpperCase(Locale.ROOT);
            List<String> held = new ArrayList<>();
            if (id.length() >= 4 && name.contains(id)) {
                held.add("Patient ID");
            }
            if (holdsWord(name, words)) {
                held.add("Patient's Name");
            }
            if (birth.length() == 8
                    && (name.contains(birth)
                            || name.contains(
                                    birth.substring(0, 4)
                                            + "-"
                                            + birth.substring(4, 6)
                                            + "-"
                                            + birth.substring(6)))) {
                held.add("Patient's Birth Date");
            }
            if (!held.isEmpty()) {
                String where = up == 0 ? "file name" : "folder name, " + up + " up";
                out.add(
                        new PhiFinding(
                                "",
                                up == 0 ? "FileName" : "FolderName",
                                where,
                                PhiKind.IDENTIFYING_FILE_NAME,
                                "the "
                                        + (up == 0 ? "file" : "folder")
                                        + " name holds the "
                                        + String.join(" and the ", held),
                                name.length()));
            }
        }
        return out;
    }

    private static boolean holdsWord(String name, List<String> words) {
        for (String token : name.split("[^\\p{L}\\p{N}]+")) {
            if (words.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
