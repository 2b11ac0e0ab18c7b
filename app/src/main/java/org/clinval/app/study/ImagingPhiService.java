package org.clinval.app.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.DeidOption;
import org.clinval.imaging.deid.Deidentifier;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.deid.Pseudonym;
import org.clinval.workflows.service.PhiScan;
import org.clinval.workflows.service.PhiService;

/**
 * The study's PHI step over the imaging module: the PS3.15 scan of every DICOM file, and
 * de-identification by the Basic Application Level Confidentiality Profile with the Retain Patient
 * Characteristics and Retain Device Identity options (sex, age, scanner and station stay, for the
 * subgroups and drift analyses). Each case's pseudonym is its case id (its folder under the image
 * root, or the file's name). UIDs are remapped with a key drawn for the run and never stored, so
 * nothing archived can link the outputs back to the originals.
 */
final class ImagingPhiService implements PhiService {

    @Override
    public PhiScan scan(Path images) throws IOException {
        List<PhiScan.Finding> findings = new ArrayList<>();
        List<Path> files = dicomFiles(images);
        for (Path f : files) {
            try {
                for (PhiFinding p : PhiScanner.scan(f).phi()) {
                    findings.add(
                            new PhiScan.Finding(
                                    images.relativize(f).toString(), p.keyword() + " " + p.tag()));
                }
            } catch (ImagingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return new PhiScan(files.size(), findings);
    }

    @Override
    public Path deidentify(Path images, Path out) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Deidentifier d =
                Deidentifier.builder()
                        .setUidKey(key)
                        .optOption(DeidOption.RETAIN_PATIENT_CHARACTERISTICS)
                        .optOption(DeidOption.RETAIN_DEVICE_IDENTITY)
                        .build();
        for (Path f : dicomFiles(images)) {
            Path relative = images.relativize(f);
            Path target = out.resolve(relative.toString());
            Files.createDirectories(target.getParent());
            try {
                d.deidentify(f, target, Pseudonym.of(caseId(relative)));
            } catch (ImagingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return out;
    }

    /** Returns the case a file belongs to: its first folder under the root, or its name. */
    static String caseId(Path relative) {
        if (relative.getNameCount() > 1) {
            return relative.getName(0).toString();
        }
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static List<Path> dicomFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(PhiScanner::isDicomFile).sorted().toList();
        }
    }
}
