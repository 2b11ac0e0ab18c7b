package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.service.PhiScan;
import org.clinval.workflows.service.PhiService;

/**
 * Stand-in for the imaging module's PHI service over the fixture's text images: a non-empty {@code
 * PatientName}, or a {@code PatientID} not starting with {@code ANON-}, is identifying;
 * de-identification blanks the name and replaces the ID.
 */
public final class FakePhiService implements PhiService {

    @Override
    public PhiScan scan(Path images) throws IOException {
        List<PhiScan.Finding> findings = new ArrayList<>();
        List<Path> files = files(images);
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("PatientName: ") && !line.substring(13).isBlank()) {
                    findings.add(
                            new PhiScan.Finding(
                                    ChecksumManifest.name(images, f), "PatientName (0010,0010)"));
                }
                if (line.startsWith("PatientID: ") && !line.substring(11).startsWith("ANON-")) {
                    findings.add(
                            new PhiScan.Finding(
                                    ChecksumManifest.name(images, f), "PatientID (0010,0020)"));
                }
            }
        }
        return new PhiScan(files.size(), findings);
    }

    @Override
    public Path deidentify(Path images, Path out) throws IOException {
        for (Path f : files(images)) {
            Path target = out.resolve(images.relativize(f).toString());
            Files.createDirectories(target.getParent());
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("PatientName: ")) line = "PatientName: ";
                if (line.startsWith("PatientID: ")) {
                    line = "PatientID: ANON-" + f.getFileName().toString().replace(".dcm", "");
                }
                lines.add(line);
            }
            Files.write(target, lines, StandardCharsets.UTF_8);
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
