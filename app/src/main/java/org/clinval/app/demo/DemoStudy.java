package org.clinval.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clinval.features.demo.DemoFeatures;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.workflows.signature.UserRegistry;

/**
 * The inputs of the demo study, written into its folder as a QA team would prepare them: the model
 * with its descriptor, the protocol (from the workflows module's example), the acceptance criteria
 * (from the features module), the risk management file (from the risk-management module) and two
 * demo users who sign.
 */
final class DemoStudy {

    /** The QA lead who approves the protocol (demo account). */
    static final String LEAD = "qa.lead";

    /** The QA reviewer who signs off the reports (demo account). */
    static final String REVIEWER = "qa.reviewer";

    /** The demo accounts' password; a real registry never holds a shared one. */
    static final String PASSWORD = "demo-only-password";

    private DemoStudy() {}

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

    /** Writes the demo acceptance criteria into {@code dir}. */
    static Path features(Path dir) throws IOException {
        DemoFeatures.writeTo(dir);
        return dir;
    }

    /**
     * Copies the demo risk management file (plan, register, requirements) into {@code dir}; returns
     * the register.
     */
    static Path risk(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("plan.yaml", "risk-file.yaml", "requirements.yaml")) {
            copy("/org/clinval/risk/demo/" + name, dir.resolve(name));
        }
        return dir.resolve("risk-file.yaml");
    }

    /**
     * Writes the protocol: the workflows module's example with this study's model (and the SHA-256
     * of its descriptor), data and features, and de-identification requested (the phantom headers
     * carry identifying canaries).
     */
    static Path protocol(Path file, Path descriptor, String descriptorSha256, int seed)
            throws IOException {
        String yaml;
        try (InputStream in =
                DemoStudy.class.getResourceAsStream(
                        "/org/clinval/workflows/example/demo-study.yaml")) {
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

    /** Writes the user registry with the two demo signers. */
    static Path users(Path file) throws IOException {
        UserRegistry users = UserRegistry.load(file);
        users.put(LEAD, "Dana Reyes (demo QA lead)", Set.of("qa-lead"), PASSWORD.toCharArray());
        users.put(
                REVIEWER,
                "Sam Okafor (demo QA reviewer)",
                Set.of("qa-reviewer"),
                PASSWORD.toCharArray());
        return file;
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
