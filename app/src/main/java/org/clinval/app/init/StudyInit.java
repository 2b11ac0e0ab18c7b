package org.clinval.app.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.common.Quote;
import org.clinval.common.Sha256;
import org.clinval.features.AcceptanceTemplate;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.workflows.protocol.OperatingPoint;
import org.clinval.workflows.protocol.ProtocolDraft;
import org.clinval.workflows.protocol.ProtocolProblem;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.ProtocolWriter;
import org.clinval.workflows.protocol.Subgroups;

/**
 * Drafts a study folder: checks every input first and writes nothing while any problem stands, then
 * copies the model's weights into the study, writes the drafted descriptor, the protocol and the
 * acceptance criteria. The images and the ground truth stay where they are.
 */
final class StudyInit {

    /** The file names and folders of a drafted study. */
    static final String PROTOCOL = "protocol.yaml";

    static final String MODEL_DIR = "model";
    static final String FEATURES_DIR = "features";

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]*";

    /**
     * What was written and found.
     *
     * @param id the study id
     * @param protocol the protocol file
     * @param descriptor the descriptor the protocol names
     * @param weights the copied weights, when a model file was given
     * @param features the acceptance criteria
     * @param images what the image headers say
     * @param truth what the ground truth says
     * @param model the model
     */
    record Written(
            String id,
            Path protocol,
            Path descriptor,
            Optional<Path> weights,
            Path features,
            DicomSurvey images,
            TruthSurvey truth,
            ModelSetup model) {}

    private StudyInit() {}

    /**
     * Drafts the study in {@code studyDir}; a long survey of the images shows its progress on
     * {@code err}.
     *
     * @throws InitException listing every problem of the inputs, before anything is written
     * @throws IOException if a file cannot be written
     */
    static Written run(
            Path studyDir,
            Path dicom,
            Path groundTruth,
            Path model,
            InitOptions o,
            java.io.PrintWriter err)
            throws InitException, IOException {
        Path study = studyDir.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        if (Files.exists(study) && !Files.isDirectory(study)) {
            problems.add("not a folder: " + study + " (STUDY_DIR)");
        }
        String id = id(study, o, problems);
        Optional<DicomSurvey> images = DicomSurvey.of(absolute(dicom), problems, err);
        Optional<TruthSurvey> truth =
                TruthSurvey.of(absolute(groundTruth), o.positiveClass(), problems);
        Optional<ModelSetup> m = Optional.empty();
        Path modelFile = absolute(model);
        if (ModelSetup.present(modelFile, problems)) {
            if (ModelSetup.isDescriptor(modelFile)) {
                m = ModelSetup.existing(modelFile, o, problems);
            } else {
                m = ModelSetup.drafted(modelFile, o, images, problems);
            }
        }
        Path real = Placement.real(study);
        if (images.isPresent() && real.startsWith(Placement.real(absolute(dicom)))) {
            problems.add(
                    "the study folder "
                            + study
                            + " lies in the DICOM folder "
                            + absolute(dicom)
                            + " (--dicom), whose every file the study reads as an image: put it"
                            + " beside the images");
        }
        Path protocol = study.resolve(PROTOCOL);
        Path features = study.resolve(FEATURES_DIR).resolve(AcceptanceTemplate.FILE_NAME);
        Optional<Path> weights =
                m.flatMap(ModelSetup::draft)
                        .map(d -> study.resolve(MODEL_DIR).resolve(d.descriptor().file()));
        Path descriptor =
                m.isPresent() && m.get().draft().isPresent()
                        ? study.resolve(MODEL_DIR).resolve(m.get().descriptorFileName())
                        : modelFile;
        if (!o.force()) {
            List<Path> targets = new ArrayList<>(List.of(protocol, features));
            if (m.isPresent() && m.get().draft().isPresent()) targets.add(descriptor);
            weights.filter(w -> !sameFile(w, modelFile)).ifPresent(targets::add);
            List<String> there =
                    targets.stream()
                            .filter(Files::exists)
                            .map(t -> study.relativize(t).toString())
                            .toList();
            if (!there.isEmpty()) {
                problems.add(
                        study
                                + " already holds "
                                + String.join(", ", there)
                                + ": clinval init overwrites an earlier draft only with --force");
            }
        }
        if (!problems.isEmpty()) {
            throw new InitException(problems);
        }
        ModelSetup setup = m.orElseThrow();
        Files.createDirectories(features.getParent());
        if (setup.draft().isPresent()) {
            Files.createDirectories(descriptor.getParent());
            copyWeights(modelFile, weights.orElseThrow(), setup.weightsSha256().orElseThrow());
            Files.writeString(descriptor, setup.draft().get().toYaml(), StandardCharsets.UTF_8);
        }
        Placement places = new Placement(real);
        ProtocolDraft draft =
                draft(
                        id,
                        places,
                        descriptor,
                        absolute(dicom),
                        absolute(groundTruth),
                        images.get(),
                        truth.get(),
                        setup);
        Files.writeString(protocol, ProtocolWriter.write(draft), StandardCharsets.UTF_8);
        Files.writeString(
                features,
                AcceptanceTemplate.write(id, draft.endpoints(), draft.subgroups()),
                StandardCharsets.UTF_8);
        selfCheck(protocol);
        return new Written(
                id, protocol, descriptor, weights, features, images.get(), truth.get(), setup);
    }

    private static ProtocolDraft draft(
            String id,
            Placement places,
            Path descriptor,
            Path dicom,
            Path groundTruth,
            DicomSurvey images,
            TruthSurvey truth,
            ModelSetup setup)
            throws IOException {
        ModelDescriptor d = setup.descriptor();
        Map<String, String> notes = new LinkedHashMap<>();
        String model = places.place(descriptor, false);
        notes.put(
                "device.model",
                setup.draft().isPresent()
                        ? "Drafted from " + setup.source() + ": review its lines marked CHECK."
                        : "The descriptor as given.");
        String images1 = places.place(dicom, true);
        notes.put(
                "dataset.dicom",
                images.images()
                        + " DICOM images"
                        + (places.outside(dicom)
                                ? "; outside this folder, so allowed below (read in place,"
                                        + " never copied)."
                                : "."));
        String truth1 = places.place(groundTruth, false);
        notes.put(
                "dataset.ground_truth",
                truth.positives()
                        + " positive and "
                        + truth.negatives()
                        + " negative cases"
                        + (places.outside(groundTruth)
                                ? "; outside this folder, allowed below."
                                : "."));
        notes.put("dataset.modalities", "As the image headers state: " + images.describe() + ".");
        notes.put(
                "operating_point.positive_class",
                truth.inferred()
                        ? "REVIEW: the labels are exactly 0 and 1, so 1 is taken as positive."
                        : "As given; the negative label is " + Quote.value(truth.negative()) + ".");
        notes.put(
                "subgroups.attributes",
                (truth.attributes().isEmpty()
                                ? "No site, manufacturer, sex or age_band column of the ground"
                                        + " truth has a value in every row"
                                : "The ground truth's columns with a value in every row")
                        + (truth.incomplete().isEmpty()
                                ? "."
                                : "; left out: " + String.join(", ", truth.incomplete()) + "."));
        String version = d.version().isBlank() ? "1" : d.version();
        return new ProtocolDraft(
                id,
                "Standalone performance of " + d.name() + " on the study's test set",
                ProtocolDraft.INTENDED_USE,
                new ProtocolDraft.DeviceText(d.name(), version, model, Sha256.of(descriptor)),
                images1,
                truth1,
                List.copyOf(images.modalities().keySet()),
                new OperatingPoint(
                        d.threshold(), ThresholdRule.GE, truth.positive(), Direction.HIGHER),
                ProtocolDraft.placeholderEndpoints(),
                new Subgroups(
                        truth.attributes(), ProtocolDraft.MIN_PER_CLASS, OptionalDouble.empty()),
                ProtocolDraft.placeholderStatistics(),
                FEATURES_DIR,
                places.roots(),
                notes);
    }

    private static String id(Path study, InitOptions o, List<String> problems) {
        if (o.id().isPresent()) {
            String id = o.id().get();
            if (!id.matches(ID)) {
                problems.add(
                        "--id "
                                + Quote.value(id)
                                + " is not a study id: letters, digits, '.', '_' and '-', starting"
                                + " with a letter or digit");
            }
            return id;
        }
        String name = study.getFileName() == null ? "" : study.getFileName().toString();
        String id = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        return id.isEmpty() ? "study" : id;
    }

    private static void copyWeights(Path from, Path to, String sha256) throws IOException {
        if (!sameFile(from, to)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        String copied = Sha256.of(to);
        if (!copied.equals(sha256)) {
            throw new IOException(
                    "the copy "
                            + to
                            + " of "
                            + from
                            + " has SHA-256 "
                            + copied
                            + ", not the "
                            + sha256
                            + " it was inspected with: was the model file changed meanwhile?");
        }
    }

    /** The draft is read back as the study will read it; a problem here is a defect of init. */
    private static void selfCheck(Path protocol) throws IOException {
        List<ProtocolProblem> found = ProtocolReader.check(protocol);
        if (!found.isEmpty()) {
            throw new IllegalStateException(
                    "the drafted " + protocol + " does not read back: " + found);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
