package org.clinval.streaming.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dataset.CaseFiles;
import org.clinval.imaging.dataset.FileCheck;
import org.clinval.imaging.deid.BurnedInPolicy;
import org.clinval.imaging.deid.DeidOption;
import org.clinval.imaging.deid.Deidentifier;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.deid.Pseudonym;

/**
 * The study's PHI step over the imaging module: the PS3.15 scan of the image of every usable case,
 * and, when asked, de-identification by the Basic Application Level Confidentiality Profile with
 * the Retain Patient Characteristics and Retain Device Identity options (sex, age, scanner stay,
 * for the subgroups). Each copy is named by its pseudonymous id ({@code <out>/C0007/F1.dcm}) and
 * carries the case's pseudonym as Patient's Name and ID. UIDs are remapped with a key drawn for the
 * run and never stored. A case whose image cannot be cleaned is returned as quarantined; the others
 * go on.
 */
public final class StudyDeidentification {

    private StudyDeidentification() {}

    /**
     * What the step did.
     *
     * @param files images scanned
     * @param findings identifying attribute keywords found, by pseudonymous file id
     * @param quarantined cases taken out, with reasons
     */
    public record Result(
            int files, Map<String, List<String>> findings, Map<String, String> quarantined) {}

    /**
     * Returns where the de-identified copy of a usable case's image is written below {@code out}.
     */
    public static Path copyOf(Path out, PlannedCase c) {
        return copyOf(out, c, c.image().orElseThrow());
    }

    /** Returns where the de-identified copy of {@code image}, one of the case's images, goes. */
    public static Path copyOf(Path out, PlannedCase c, FileCheck image) {
        CaseFiles files = c.files().orElseThrow();
        return out.resolve(c.caseId()).resolve("F" + files.number(image) + ".dcm");
    }

    /**
     * Scans the usable cases of {@code plan} (images below {@code images}); with {@code out}
     * present, also de-identifies them into it.
     */
    public static Result run(CasePlan plan, Path images, Optional<Path> out, boolean allowBurnedIn)
            throws IOException {
        Deidentifier deid = null;
        if (out.isPresent()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            deid =
                    Deidentifier.builder()
                            .setUidKey(key)
                            .optOption(DeidOption.RETAIN_PATIENT_CHARACTERISTICS)
                            .optOption(DeidOption.RETAIN_DEVICE_IDENTITY)
                            .optBurnedInPolicy(
                                    allowBurnedIn ? BurnedInPolicy.FLAG : BurnedInPolicy.REFUSE)
                            .build();
        }
        Map<String, List<String>> findings = new TreeMap<>();
        Map<String, String> quarantined = new TreeMap<>();
        int files = 0;
        for (PlannedCase c : plan.usable()) {
            // A classifier's case has one image; a segmentation or detection case, its series.
            for (FileCheck image : c.files().orElseThrow().images()) {
                files++;
                Path source = images.resolve(image.relative());
                String id = c.fileId(c.files().get().number(image));
                try {
                    List<String> found = keywords(source, allowBurnedIn);
                    if (!found.isEmpty()) {
                        findings.put(id, found);
                    }
                    if (deid == null) {
                        continue;
                    }
                    Path target = copyOf(out.get(), c, image);
                    Files.createDirectories(target.getParent());
                    deid.deidentify(source, target, Pseudonym.of(c.caseId()));
                    List<String> left = keywords(target, allowBurnedIn);
                    if (!left.isEmpty()) {
                        Files.deleteIfExists(target);
                        quarantined.put(
                                c.caseId(),
                                id
                                        + ": identifying data remain after de-identification: "
                                        + String.join(", ", left));
                        break;
                    }
                } catch (ImagingException e) {
                    quarantined.put(
                            c.caseId(),
                            id
                                    + ": cannot be de-identified ("
                                    + e.getClass().getSimpleName()
                                    + ")");
                    break;
                }
            }
        }
        return new Result(files, findings, quarantined);
    }

    private static List<String> keywords(Path file, boolean allowBurnedIn) throws ImagingException {
        List<String> out = new ArrayList<>();
        for (PhiFinding f : PhiScanner.scan(file).phi()) {
            if (allowBurnedIn && f.keyword().equals("BurnedInAnnotation")) continue;
            if (!out.contains(f.keyword())) out.add(f.keyword());
        }
        return out;
    }
}
