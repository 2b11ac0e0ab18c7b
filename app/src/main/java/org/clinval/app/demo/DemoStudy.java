package org.clinval.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.features.demo.DemoFeatures;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.phantom.FundusGenerator;
import org.clinval.imaging.phantom.FundusStudyWriter;
import org.clinval.imaging.phantom.GreyPhantomGenerator;
import org.clinval.imaging.phantom.GreyStudyWriter;
import org.clinval.imaging.phantom.ImageStudy;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAdministration;

/**
 * The inputs of the demo study, written into its folder as a QA team would prepare them: the model
 * with its descriptor, the protocol (from the workflows module's example), the acceptance criteria
 * (from the features module), the risk management file (from the risk-management module), and a
 * demo administrator who adds the two demo users who sign.
 */
final class DemoStudy {

    /** The QA lead who approves the protocol (demo account). */
    static final String LEAD = "qa.lead";

    /** The QA reviewer who signs off the reports (demo account). */
    static final String REVIEWER = "qa.reviewer";

    /** The administrator who adds the demo signers (demo account). */
    static final String ADMIN = "demo.admin";

    /** The demo accounts' password; a real registry never holds a shared one. */
    static final String PASSWORD = "demo-only-password";

    /**
     * The passphrase of the demo's own site keystore ({@code keys/site-key.json} in the demo
     * folder, outside the run folder). Fixed and published so anyone can rerun and inspect the
     * demo; a real site key has a secret passphrase.
     */
    static final String KEY_PASSPHRASE = "demo-only-passphrase";

    /** The app's own demo resources: the grading, MR and X-ray protocols and features. */
    static final String APP_DEMO = "/org/clinval/app/demo/";

    private DemoStudy() {}

    /** Writes the phantoms of {@code kind} (grading, mr or dx) under {@code dir}. */
    static ImageStudy phantoms(String kind, long seed, int cases, Path dir)
            throws ImagingException {
        if (kind.equals("grading")) {
            return FundusStudyWriter.write(
                    FundusGenerator.builder().setSeed(seed).setSize(256).build(), cases, dir);
        }
        return GreyStudyWriter.write(
                GreyPhantomGenerator.of(kind.toUpperCase(java.util.Locale.ROOT), seed, 128, 0.4),
                cases,
                dir);
    }

    /**
     * Copies the reference model of {@code kind} (the retinopathy grader, or the MR or X-ray lesion
     * classifier: descriptor, weights, card) into {@code dir}; returns the descriptor.
     */
    static Path referenceModel(String kind, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = kind.equals("grading") ? "dr-grader" : kind + "-lesion-classifier";
        String folder = "/org/clinval/imaging/models/" + name + "/";
        if (DemoStudy.class.getResource(folder + name + ".params") == null) {
            throw new org.clinval.app.cli.UserError(
                    "the "
                            + name
                            + " reference model is not built in: train it with ./clinval model"
                            + " train "
                            + kind
                            + " --out imaging/src/main/resources/org/clinval/imaging/models/"
                            + name);
        }
        for (String f : List.of("descriptor.yaml", name + ".params", "MODEL_CARD.md")) {
            copy(folder + f, dir.resolve(f));
        }
        return dir.resolve("descriptor.yaml");
    }

    /**
     * Copies the built-in classifier (descriptor, weights, card) into {@code dir}; returns the
     * descriptor.
     */
    static Path model(Path dir) throws IOException {
        Files.createDirectories(dir);
        String folder = BuiltInModel.NODULE_CLASSIFIER.resourceFolder();
        for (String name :
                List.of("descriptor.yaml", "nodule-classifier.params", "MODEL_CARD.md")) {
            copy(folder + name, dir.resolve(name));
        }
        return dir.resolve("descriptor.yaml");
    }

    /** The resource folder of version 2 of the nodule classifier (retrained on another seed). */
    static final String CLASSIFIER_V2 = "/org/clinval/imaging/models/nodule-classifier-v2/";

    /** The demo's PCCP re-validation plan (the workflows module's example). */
    static final String PCCP_PLAN = "/org/clinval/workflows/example/demo-pccp.yaml";

    /**
     * Copies version 2 of the nodule classifier (descriptor, weights, card) into {@code dir};
     * returns the descriptor.
     */
    static Path modelVersion2(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name :
                List.of("descriptor.yaml", "nodule-classifier.params", "MODEL_CARD.md")) {
            copy(CLASSIFIER_V2 + name, dir.resolve(name));
        }
        return dir.resolve("descriptor.yaml");
    }

    /**
     * Writes the protocol of the re-validation of version 2: the demo protocol with version 2's
     * descriptor, its own study id and the device version {@code 2.0.0}, over the same data.
     */
    static Path protocolVersion2(Path file, Path descriptor, String descriptorSha256, int seed)
            throws IOException {
        protocol(file, descriptor, descriptorSha256, seed, "classification");
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        yaml = replaceValue(yaml, "id:", "CLV-DEMO-001-V2");
        yaml =
                replaceValue(
                        yaml,
                        "title:",
                        "Re-validation of version 2 of the nodule classifier on the demo chest CT"
                                + " test set (PCCP-DEMO-001)");
        yaml = replaceValue(yaml, "  version:", "2.0.0");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** Copies the demo PCCP plan to {@code file}; returns it. */
    static Path pccpPlan(Path file) throws IOException {
        copy(PCCP_PLAN, file);
        return file;
    }

    /**
     * Copies the built-in nodule U-Net (descriptor, weights, card) into {@code dir}, for the
     * segmentation and detection demos; returns the descriptor.
     */
    static Path unet(Path dir) throws IOException {
        Files.createDirectories(dir);
        String folder = BuiltInModel.NODULE_UNET.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-unet.params", "MODEL_CARD.md")) {
            copy(folder + name, dir.resolve(name));
        }
        return dir.resolve("descriptor.yaml");
    }

    /** Writes the demo acceptance criteria of {@code task} into {@code dir}. */
    static Path features(Path dir, String task) throws IOException {
        if (task.equals("classification")) {
            DemoFeatures.writeTo(dir);
            return dir;
        }
        Files.createDirectories(dir);
        if (List.of("grading", "mr", "dx").contains(task)) {
            String name = task.equals("grading") ? "dr-grading.feature" : task + "-lesion.feature";
            copy(APP_DEMO + name, dir.resolve(name));
            return dir;
        }
        String name = "nodule-" + task + ".feature";
        copy("/org/clinval/features/demo/" + name, dir.resolve(name));
        return dir;
    }

    /**
     * The signed records the register of the CT nodule classifier cites beside itself (its
     * labelling inspection and summative usability evaluation); the other demos cite none.
     */
    static final List<String> RISK_RECORDS =
            List.of("labelling-inspection.md", "usability-summative-evaluation.md");

    /**
     * Copies the demo risk management file (plan, register, requirements, and the records the
     * register cites) into {@code dir}; returns the register.
     */
    static Path risk(Path dir, String task) throws IOException {
        Files.createDirectories(dir);
        // each demo has its own device and hazards: the CT nodule classifier (classification)
        // at the top, the others (segmentation, detection, grading, mr, dx) in their folders
        String folder =
                task.equals("classification")
                        ? "/org/clinval/risk/demo/"
                        : "/org/clinval/risk/demo/" + task + "/";
        for (String name : List.of("plan.yaml", "risk-file.yaml", "requirements.yaml")) {
            copy(folder + name, dir.resolve(name));
        }
        if (task.equals("classification")) {
            for (String name : RISK_RECORDS) {
                copy(folder + name, dir.resolve(name));
            }
        }
        return dir.resolve("risk-file.yaml");
    }

    /**
     * Writes the protocol: the workflows module's example with this study's model (and the SHA-256
     * of its descriptor), data and features, and de-identification requested (the phantom headers
     * carry identifying canaries).
     */
    static Path protocol(Path file, Path descriptor, String descriptorSha256, int seed, String task)
            throws IOException {
        String yaml;
        String example =
                task.equals("classification") ? "demo-study.yaml" : "demo-" + task + "-study.yaml";
        String folder =
                List.of("grading", "mr", "dx").contains(task)
                        ? APP_DEMO
                        : "/org/clinval/workflows/example/";
        try (InputStream in = DemoStudy.class.getResourceAsStream(folder + example)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path base = file.toAbsolutePath().getParent();
        yaml =
                replaceValue(
                        yaml, "  model:", base.relativize(descriptor.toAbsolutePath()).toString());
        yaml = replaceValue(yaml, "  sha256:", "\"" + descriptorSha256 + "\"");
        yaml = replaceValue(yaml, "  dicom:", "data/dicom");
        yaml = replaceValue(yaml, "  ground_truth:", "data/truth/ground-truth.csv");
        yaml =
                replaceValue(
                        yaml,
                        "  deidentify:",
                        "true                   # the phantom headers carry identifying canaries");
        yaml = replaceValue(yaml, "    seed:", Integer.toString(seed));
        yaml = replaceValue(yaml, "features:", "features");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Writes the user registry through the administration path: the demo administrator, who then
     * adds the two demo signers; every act is in the registry's administration log.
     */
    static Path users(Path file, SiteKey key) throws IOException {
        try {
            UserAdministration a = UserAdministration.open(file, key, Clock.systemUTC());
            a.initialize(ADMIN, "Alex Moreau (demo administrator)", PASSWORD.toCharArray());
            a.add(
                    admin(),
                    LEAD,
                    "Dana Reyes (demo QA lead)",
                    Set.of(Roles.QA_LEAD),
                    PASSWORD.toCharArray(),
                    false);
            a.add(
                    admin(),
                    REVIEWER,
                    "Sam Okafor (demo QA reviewer)",
                    Set.of(Roles.QA_REVIEWER),
                    PASSWORD.toCharArray(),
                    false);
        } catch (AdministrationRefusedException e) {
            throw new IllegalStateException(
                    "the demo users could not be added: " + e.getMessage(), e);
        }
        return file;
    }

    private static UserAdministration.Credentials admin() {
        return new UserAdministration.Credentials(ADMIN, PASSWORD.toCharArray());
    }

    /** Replaces the value of the first line starting with {@code key}, keeping the key. */
    static String replaceValue(String yaml, String key, String value) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + " ") || lines[i].equals(key)) {
                lines[i] = key + " " + value;
                return String.join("\n", lines);
            }
        }
        throw new IllegalStateException("the example protocol has no line '" + key + "'");
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoStudy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
