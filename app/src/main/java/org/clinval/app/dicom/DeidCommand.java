package org.clinval.app.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.BurnedInPolicy;
import org.clinval.imaging.deid.DeidOption;
import org.clinval.imaging.deid.DeidPlan;
import org.clinval.imaging.deid.Deidentifier;
import org.clinval.imaging.deid.Pseudonyms;
import org.clinval.imaging.deid.UidRemapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval dicom deid IN OUT}: de-identifies a file, or a folder of any number of patients in
 * one run, by the PS3.15 Basic Profile with the Clean Descriptors and Clean Structured Content
 * options. Each patient (told apart by Patient ID) gets a pseudonym: {@code --pseudonym} for a
 * single patient, {@code --pseudonym-map} from a CSV, or generated {@code P0001}, {@code P0002}...
 * in order of first appearance. Output files are named {@code
 * OUT/<pseudonym>/<series>/<instance>.dcm} ({@link DeidPlan}), never after the inputs, whose names
 * often hold the patient's; for the same reason inputs are named in every message by their position
 * in sorted path order ({@code input #7}), never by path. UIDs are remapped by one keyed hash
 * across the run.
 */
@Command(
        name = "deid",
        description = {
            "De-identify DICOM files by the PS3.15 Basic Application Level Confidentiality"
                    + " Profile with the Clean Descriptors and Clean Structured Content options:"
                    + " identifying attributes removed or replaced, every free text not on the"
                    + " keep-list replaced, dates removed, private attributes removed, UIDs"
                    + " remapped consistently by a keyed hash, the pseudonym as Patient ID and"
                    + " Name.",
            "IN is a file or a folder (recursing) of any number of patients. A folder is written"
                    + " as OUT/<pseudonym>/<series>/<instance>.dcm (e.g. OUT/P0001/001/0001.dcm):"
                    + " series numbered per patient, instances per series, in sorted path order;"
                    + " no input name is kept. A single file IN with OUT not an existing folder is"
                    + " written to OUT. OUT must be new or empty.",
            "Pseudonyms: --pseudonym for one patient, --pseudonym-map for several, or generated"
                    + " P0001, P0002... in order of first appearance; --key-file keeps the"
                    + " patient_id,pseudonym key, outside OUT.",
            "Prints JSON: counts, and per input (numbered 1.. in sorted path order; list them with"
                    + " 'find IN -type f | LC_ALL=C sort') the file written or why not. Inputs are"
                    + " never named by path. Exit code 1 if a DICOM file could not be"
                    + " de-identified (e.g. burned-in annotation)."
        })
public final class DeidCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "DICOM file or folder.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output folder (or file).")
    Path out;

    @Option(
            names = "--pseudonym",
            paramLabel = "ID",
            description =
                    "New Patient ID and Patient's Name of the one patient of IN, e.g. the case id;"
                            + " a second patient is refused.")
    String pseudonym;

    @Option(
            names = "--pseudonym-map",
            paramLabel = "CSV",
            description =
                    "CSV with columns patient_id,pseudonym: one row per patient; a patient of IN"
                            + " missing from it stops the run before anything is written.")
    Path pseudonymMap;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description =
                    "Write the re-identification key (CSV patient_id,pseudonym, mode 600) to FILE,"
                            + " which must not exist nor be inside OUT. A later run can read it"
                            + " as --pseudonym-map.")
    Path keyFile;

    @Option(
            names = "--uid-key-file",
            paramLabel = "FILE",
            description =
                    "Secret key of the UID remapping (its bytes, at least 16). Keep it to map later"
                            + " runs alike; without it a random key is used for this run only.")
    Path uidKeyFile;

    @Option(
            names = "--retain-patient-characteristics",
            description = "Keep sex, age (over 89 as 090Y), size, weight (PS3.15 113108).")
    boolean retainPatient;

    @Option(
            names = "--retain-device-identity",
            description =
                    "Keep manufacturer, model, software versions, station name, device serial"
                            + " number (PS3.15 113109).")
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
        PrintWriter stderr = spec.commandLine().getErr();
        Path inAbs = in.toAbsolutePath().normalize();
        Path outAbs = out.toAbsolutePath().normalize();
        if (!Files.exists(inAbs)) {
            throw new UserError(in + ": no such file or folder");
        }
        boolean singleFile = Files.isRegularFile(inAbs) && !Files.isDirectory(outAbs);
        Path realIn = RealPath.of(inAbs);
        Path realOut = RealPath.of(outAbs);
        if (realOut.equals(realIn) || realOut.startsWith(realIn) && Files.isDirectory(inAbs)) {
            throw new UserError(out + ": OUT must not be IN or inside it");
        }
        if (!singleFile && !empty(outAbs)) {
            throw new UserError(
                    out + ": OUT exists and is not empty; de-identify into a new folder");
        }
        Pseudonyms pseudonyms = pseudonyms();
        if (keyFile != null) {
            KeyFile.check(keyFile, outAbs);
        }
        Deidentifier deid = deidentifier(uidKey());
        List<Path> files = DicomInputs.files(inAbs);
        DeidPlan plan;
        try {
            plan = DeidPlan.of(files, pseudonyms);
        } catch (ImagingException e) {
            throw new UserError(e.getMessage()); // names inputs by position already
        }
        if (plan.entries().isEmpty()) {
            throw new UserError(in + ": no DICOM file to de-identify");
        }
        if (uidKeyFile == null) {
            stderr.println(
                    "clinval: note: random UID key for this run; give --uid-key-file to map UIDs"
                            + " alike in later runs");
        }
        if (keyFile != null) {
            KeyFile.write(keyFile, plan.key());
        } else if (pseudonyms.kind() != Pseudonyms.Kind.SINGLE) {
            stderr.println(
                    "clinval: note: no --key-file: the pseudonyms cannot be traced back to the"
                            + " patients");
        }
        DeidRun run = new DeidRun(deid, plan, files, outAbs, singleFile, stderr);
        int failed = run.run();
        ObjectNode json = Json.object();
        run.record(json);
        json.put("pseudonyms", pseudonyms.kind().name().toLowerCase(Locale.ROOT));
        json.put("key_file", keyFile == null ? null : keyFile.toAbsolutePath().toString());
        json.put(
                "uid_key",
                uidKeyFile == null
                        ? "random, this run only"
                        : uidKeyFile.toAbsolutePath().toString());
        ArrayNode opts = json.putArray("options");
        deid.options().stream()
                .sorted()
                .forEach(o -> opts.add(o.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        run.recordFiles(json);
        spec.commandLine().getOut().println(Json.write(json));
        if (failed > 0) {
            stderr.println(
                    "clinval: "
                            + failed
                            + " of "
                            + run.dicomFiles()
                            + " DICOM files not de-identified");
            return 1;
        }
        return 0;
    }

    private Pseudonyms pseudonyms() {
        if (pseudonym != null && pseudonymMap != null) {
            throw new UserError("give --pseudonym or --pseudonym-map, not both");
        }
        if (pseudonym != null) {
            return Pseudonyms.single(pseudonym);
        }
        if (pseudonymMap != null) {
            return Pseudonyms.fromMap(PseudonymMap.read(pseudonymMap));
        }
        return Pseudonyms.generated();
    }

    private static boolean empty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    /** Returns the UID key: the bytes of --uid-key-file, or a random key for this run. */
    private byte[] uidKey() {
        if (uidKeyFile == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }
        byte[] key;
        try {
            key = Files.readAllBytes(uidKeyFile);
        } catch (IOException e) {
            throw new UserError(uidKeyFile + ": cannot read the UID key: " + e.getMessage(), e);
        }
        if (key.length < UidRemapper.MIN_KEY_BYTES) {
            throw new UserError(
                    uidKeyFile
                            + ": the UID key has "
                            + key.length
                            + " bytes, fewer than "
                            + UidRemapper.MIN_KEY_BYTES);
        }
        return key;
    }

    private Deidentifier deidentifier(byte[] key) {
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
}
