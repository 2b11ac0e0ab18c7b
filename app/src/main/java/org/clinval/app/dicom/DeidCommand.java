package org.clinval.app.dicom;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.BurnedInPolicy;
import org.clinval.imaging.deid.DeidOption;
import org.clinval.imaging.deid.DeidResult;
import org.clinval.imaging.deid.Deidentifier;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.deid.Pseudonym;
import org.clinval.imaging.deid.UidRemapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval dicom deid IN OUT}: de-identifies a file or a folder (recursing) by the PS3.15
 * Basic Profile, printing each path written. UIDs are remapped by a keyed hash, so a folder (and,
 * with the same {@code --uid-key-file}, any later run) maps consistently.
 */
@Command(
        name = "deid",
        description = {
            "De-identify DICOM files by the PS3.15 Basic Application Level Confidentiality"
                    + " Profile: identifying attributes removed or replaced, dates removed, private"
                    + " attributes removed, UIDs remapped consistently by a keyed hash, the"
                    + " pseudonym as Patient ID and Name.",
            "IN is a file or a folder (recursing); OUT mirrors it. Prints each file written."
                    + " Files that are not DICOM are skipped with a note; a file that cannot be"
                    + " de-identified (e.g. burned-in annotation) is named on stderr and the exit"
                    + " code is 1.",
            "All files of IN must belong to one patient: give each patient its own run and"
                    + " pseudonym."
        })
public final class DeidCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "DICOM file or folder.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file or folder.")
    Path out;

    @Option(
            names = "--pseudonym",
            required = true,
            paramLabel = "ID",
            description = "New Patient ID and Patient's Name, e.g. the case id.")
    String pseudonym;

    @Option(
            names = "--uid-key-file",
            paramLabel = "FILE",
            description =
                    "Secret key of the UID remapping (its bytes, at least 16). Keep it to map later"
                            + " runs alike; without it a random key is used for this run only.")
    Path keyFile;

    @Option(
            names = "--retain-patient-characteristics",
            description = "Keep sex, age (over 89 as 090Y), size, weight (PS3.15 113108).")
    boolean retainPatient;

    @Option(
            names = "--retain-device-identity",
            description = "Keep station name, device serial numbers (PS3.15 113109).")
    boolean retainDevice;

    @Option(
            names = "--burned-in",
            defaultValue = "refuse",
            paramLabel = "refuse|flag",
            description =
                    "Files with Burned In Annotation YES: refuse them (default) or write them"
                            + " flagged, pixels not cleaned.")
    String burnedIn;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Pseudonym who = Pseudonym.of(pseudonym);
        Path inAbs = in.toAbsolutePath().normalize();
        Path outAbs = out.toAbsolutePath().normalize();
        boolean folder = Files.isDirectory(inAbs);
        if (outAbs.equals(inAbs) || (folder && outAbs.startsWith(inAbs))) {
            throw new UserError(out + ": OUT must not be IN or inside it");
        }
        Deidentifier deid = deidentifier(stderr);
        List<Path> files = new ArrayList<>();
        for (Path f : DicomInputs.files(inAbs)) {
            if (PhiScanner.isDicomFile(f)) {
                files.add(f);
            } else {
                stderr.println("clinval: skipped " + f + ": not a DICOM Part 10 file");
            }
        }
        if (files.isEmpty()) {
            throw new UserError(in + ": no DICOM file to de-identify");
        }
        onePatient(deid, files);
        int failed = 0;
        for (Path f : files) {
            Path target = target(inAbs, outAbs, folder, f);
            try {
                DeidResult r = deid.deidentify(f, target, who);
                stdout.println(r.output());
                for (String w : r.warnings()) {
                    stderr.println("clinval: warning: " + f + ": " + w);
                }
            } catch (ImagingException e) {
                stderr.println("clinval: " + e.getMessage());
                failed++;
            }
        }
        if (failed > 0) {
            stderr.println(
                    "clinval: " + failed + " of " + files.size() + " files not de-identified");
            return 1;
        }
        return 0;
    }

    private Deidentifier deidentifier(PrintWriter stderr) {
        byte[] key;
        if (keyFile != null) {
            try {
                key = Files.readAllBytes(keyFile);
            } catch (IOException e) {
                throw new UserError(keyFile + ": cannot read the UID key: " + e.getMessage(), e);
            }
            if (key.length < UidRemapper.MIN_KEY_BYTES) {
                throw new UserError(
                        keyFile
                                + ": the UID key has "
                                + key.length
                                + " bytes, fewer than "
                                + UidRemapper.MIN_KEY_BYTES);
            }
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            stderr.println(
                    "clinval: note: random UID key for this run; give --uid-key-file to map UIDs"
                            + " alike in later runs");
        }
        Deidentifier.Builder b =
                Deidentifier.builder().setUidKey(key).optBurnedInPolicy(policy(burnedIn));
        if (retainPatient) {
            b.optOption(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
        }
        if (retainDevice) {
            b.optOption(DeidOption.RETAIN_DEVICE_IDENTITY);
        }
        return b.build();
    }

    private static BurnedInPolicy policy(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "refuse" -> BurnedInPolicy.REFUSE;
            case "flag" -> BurnedInPolicy.FLAG;
            default -> throw new UserError("--burned-in is not refuse or flag: " + s);
        };
    }

    /** Refuses to give files of several patients one pseudonym, without handling their IDs. */
    private static void onePatient(Deidentifier deid, List<Path> files) {
        Set<String> patients = new LinkedHashSet<>();
        Path first = null;
        for (Path f : files) {
            try {
                patients.add(deid.patientFingerprint(f));
            } catch (ImagingException e) {
                continue; // reported when it is de-identified
            }
            if (first == null) {
                first = f;
            }
            if (patients.size() > 1) {
                throw new UserError(
                        f
                                + ": belongs to another patient than "
                                + first
                                + "; one --pseudonym cannot cover two patients: de-identify each"
                                + " patient's files in a run of its own");
            }
        }
    }

    private static Path target(Path inAbs, Path outAbs, boolean folder, Path f) {
        if (folder) {
            return outAbs.resolve(inAbs.relativize(f).toString());
        }
        return Files.isDirectory(outAbs) ? outAbs.resolve(f.getFileName().toString()) : outAbs;
    }
}
