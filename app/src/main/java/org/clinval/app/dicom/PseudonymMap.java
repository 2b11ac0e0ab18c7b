package org.clinval.app.dicom;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinval.app.cli.UserError;
import org.clinval.app.io.CsvTable;
import org.clinval.common.csv.CsvReader;
import org.clinval.imaging.deid.Pseudonyms;

/**
 * The {@code --pseudonym-map} CSV of {@code clinval dicom deid}: columns {@code patient_id} and
 * {@code pseudonym}, one row per patient; {@code #} lines are comments, so a key file a run wrote
 * can be given to a later one. Errors name the file, line and column, never a value: the patient
 * IDs are PHI, and a pseudonym column filled by mistake with IDs would be too.
 */
final class PseudonymMap {

    static final String PATIENT_ID = "patient_id";
    static final String PSEUDONYM = "pseudonym";

    private PseudonymMap() {}

    /** Reads {@code file}; returns Patient ID → pseudonym in file order. */
    static Map<String, String> read(Path file) {
        CsvTable t =
                CsvTable.read(file, CsvReader.builder().text(PATIENT_ID).text(PSEUDONYM).build());
        String[] ids = t.strings(PATIENT_ID);
        String[] pseudonyms = t.strings(PSEUDONYM);
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, Integer> idRow = new HashMap<>();
        Map<String, Integer> pseudonymRow = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i].strip();
            String p = pseudonyms[i].strip();
            if (!Pseudonyms.isValid(p)) {
                throw new UserError(
                        t.where(i, PSEUDONYM)
                                + ": not 1-64 letters, digits, '.', '_' or '-' starting with a"
                                + " letter or digit");
            }
            Integer before = idRow.putIfAbsent(id, i);
            if (before != null) {
                throw new UserError(
                        t.where(i, PATIENT_ID)
                                + ": the same patient as line "
                                + t.lineOf(before)
                                + "; give each patient one row");
            }
            before = pseudonymRow.putIfAbsent(p, i);
            if (before != null) {
                throw new UserError(
                        t.where(i, PSEUDONYM)
                                + ": also given on line "
                                + t.lineOf(before)
                                + "; two patients cannot share a pseudonym");
            }
            map.put(id, p);
        }
        if (map.isEmpty()) {
            throw new UserError(t.file() + ": no patients in the pseudonym map");
        }
        return map;
    }
}
