package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.InputCheckService;
import org.clinval.workflows.service.PhiScan;
import org.clinval.workflows.service.PhiService;

/**
 * Stand-in for the imaging module's PHI service over the fixture's text images: a non-empty {@code
 * PatientName}, or a {@code PatientID} not starting with {@code ANON-}, is identifying;
 * de-identification blanks the name and replaces the ID. It works on the cases the inventory lists
 * as used, and writes copies as {@code deidentified/<case>.dcm}.
 */
public final class FakePhiService implements PhiService {

    /** Returns whether a fixture image carries identifying data. */
    static boolean identifying(Path f) throws IOException {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.startsWith("PatientName: ") && !line.substring(13).isBlank()) return true;
            if (line.startsWith("PatientID: ") && !line.substring(11).startsWith("ANON-")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PhiStep run(StudyProtocol protocol, Path runDir) throws IOException {
        List<PhiScan.Finding> findings = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve(InputCheckService.INVENTORY))) {
            String[] f = line.split(",", -1);
            if (f[3].equals("used")) used.add(f[0]);
        }
        Path images = protocol.dataset().dicom();
        Path out = runDir.resolve("deidentified");
        for (String id : used) {
            Path f = images.resolve(id + ".dcm");
            if (identifying(f)) findings.add(new PhiScan.Finding(id + "/F1", "PatientName"));
            if (!protocol.dataset().deidentify()) continue;
            Files.createDirectories(out);
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("PatientName: ")) line = "PatientName: ";
                if (line.startsWith("PatientID: ")) line = "PatientID: ANON-" + id;
                lines.add(line);
            }
            Files.write(out.resolve(id + ".dcm"), lines, StandardCharsets.UTF_8);
        }
        return new PhiStep(
                used.size(),
                findings,
                protocol.dataset().deidentify() ? Optional.of(out) : Optional.empty(),
                List.of());
    }
}
