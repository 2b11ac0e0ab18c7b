package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.clinval.common.Sha256;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.CaseFinding;
import org.clinval.workflows.service.InputCheck;
import org.clinval.workflows.service.InputCheckService;

/**
 * Stand-in for the input checks over the fixture's text images: each file is a case named by its
 * file name; an image with identifying data (see {@link FakePhiService}) in a study that did not
 * ask for de-identification is a case to quarantine. The inventory lists {@code case_id, file_id,
 * sha256, status, reason}.
 */
public final class FakeInputCheckService implements InputCheckService {

    @Override
    public InputCheck check(StudyProtocol protocol, Optional<Path> runDir, LongConsumer progress)
            throws IOException {
        Map<String, String[]> rows = inventory(protocol);
        List<CaseFinding> quarantine = new ArrayList<>();
        rows.forEach(
                (id, r) -> {
                    if (!r[3].equals("used")) quarantine.add(new CaseFinding(id, r[4]));
                });
        if (runDir.isPresent()) {
            List<String> lines = new ArrayList<>(List.of("case_id,file_id,sha256,status,reason"));
            rows.values().forEach(r -> lines.add(String.join(",", r)));
            Files.write(runDir.get().resolve(INVENTORY), lines, StandardCharsets.UTF_8);
            List<String> key = new ArrayList<>(List.of("case_id,file_id,source"));
            rows.values().forEach(r -> key.add(r[0] + "," + r[1] + "," + r[0] + ".dcm"));
            Files.write(InputCheckService.caseKey(runDir.get()), key, StandardCharsets.UTF_8);
        }
        return new InputCheck(
                List.of(),
                rows.size(),
                0,
                rows.size(),
                rows.size() - quarantine.size(),
                quarantine);
    }

    private static Map<String, String[]> inventory(StudyProtocol protocol) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(protocol.dataset().dicom())) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String id = f.getFileName().toString().replace(".dcm", "");
                boolean phi = FakePhiService.identifying(f);
                boolean bad = phi && !protocol.dataset().deidentify();
                out.put(
                        id,
                        new String[] {
                            id,
                            id + "/F1",
                            Sha256.of(f),
                            bad ? "quarantined" : "used",
                            bad ? "identifying data in the header: PatientName" : ""
                        });
            }
        }
        return out;
    }
}
