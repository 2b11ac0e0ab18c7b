package org.clinval.workflows.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.clinval.common.Quote;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlMap;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.interval.BinomialInterval;

/**
 * Walks a protocol that the schema has checked into records, checking what a schema cannot say:
 * paths inside the study, the threshold against the model's scores, a minimum per criterion, a
 * method that fits its measure, unique endpoint ids, a primary endpoint. Every accessor records its
 * problem (once per path, so the schema's and the walk's never double) and returns empty.
 */
final class ProtocolParser {

    private final StudyPaths paths;
    private Optional<Path> model = Optional.empty();

    ProtocolParser(StudyPaths paths) {
        this.paths = paths;
    }

    Optional<StudyProtocol> protocol(Path file, YamlMap m) {
        Optional<String> id = m.string("id");
        Optional<String> title = m.string("title");
        Optional<String> intendedUse = m.string("intended_use");
        m.list("allowed_roots", false).orElse(List.of()).forEach(paths::allow);
        Optional<Task> task =
                m.has("task")
                        ? m.string("task")
                                .flatMap(t -> choice(m, "task", t, Task.keys(), Task::parse))
                        : Optional.of(Task.CLASSIFICATION);
        Optional<SegmentationSettings> segmentation = segmentation(m, task);
        Optional<DetectionSettings> detection = detection(m, task);
        Optional<GradingSettings> grading = GradingParser.grading(m, task);
        Optional<ExplanationSettings> explanations = ExplanationParser.explanations(m, task);
        Optional<ReaderStudySettings> readerStudy = ReaderStudyParser.readerStudy(m, task, paths);
        Optional<Device> device = m.map("device").flatMap(this::device);
        if (grading.isPresent() && model.isPresent()) {
            Optional<List<String>> modelGrades = ModelScores.grades(model.get());
            if (modelGrades.isPresent()
                    && !modelGrades.get().equals(grading.get().scale().grades())) {
                m.doc()
                        .problem(
                                m.path("grading") + ".grades",
                                grading.get().scale().grades()
                                        + " are not the model's grades "
                                        + modelGrades.get()
                                        + " (device.model's grades, in the same order)");
            }
        }
        Optional<Dataset> dataset = m.map("dataset").flatMap(d -> dataset(d, task));
        Optional<OperatingPoint> point =
                task.orElse(null) == Task.GRADING && !m.has("operating_point")
                        ? Optional.of(OperatingPoint.GRADING)
                        : m.map("operating_point").flatMap(this::operatingPoint);
        boolean tolerance = segmentation.map(x -> x.surfaceToleranceMm().isPresent()).orElse(false);
        Optional<List<Endpoint>> endpoints =
                new EndpointParser(
                                task,
                                tolerance,
                                grading,
                                m.has("reader_study"),
                                m.has("reader_study") && m.raw("reader_study").has("threshold"))
                        .endpoints(m);
        Optional<Subgroups> subgroups = m.map("subgroups").flatMap(this::subgroups);
        Optional<StatisticalMethods> statistics = m.map("statistics").flatMap(this::statistics);
        Optional<Path> features = Optional.empty();
        if (m.has("features")) {
            features =
                    m.value("features")
                            .flatMap(v -> v.text().flatMap(t -> paths.resolve(v, t, true)));
        }
        SeparationOfDuties duties =
                m.optionalMap("separation_of_duties")
                        .map(this::duties)
                        .orElse(SeparationOfDuties.STRICT);
        m.rejectUnknownKeys();
        if (m.doc().hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(
                new StudyProtocol(
                        file.toAbsolutePath().normalize(),
                        id.orElseThrow(),
                        title.orElseThrow(),
                        intendedUse.orElseThrow(),
                        device.orElseThrow(),
                        dataset.orElseThrow(),
                        point.orElseThrow(),
                        endpoints.orElseThrow(),
                        subgroups.orElseThrow(),
                        statistics.orElseThrow(),
                        features,
                        duties,
                        task.orElseThrow(),
                        segmentation,
                        detection,
                        grading,
                        explanations,
                        readerStudy));
    }

    /** The {@code segmentation} block: only in a segmentation protocol. */
    private Optional<SegmentationSettings> segmentation(YamlMap m, Optional<Task> task) {
        if (!m.has("segmentation")) {
            return task.filter(t -> t == Task.SEGMENTATION).map(t -> SegmentationSettings.DEFAULT);
        }
        if (task.isPresent() && task.get() != Task.SEGMENTATION) {
            m.problem(
                    "segmentation",
                    "is only for task: segmentation; this protocol's task is " + task.get().key());
            return Optional.empty();
        }
        Optional<YamlMap> block = m.map("segmentation");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap b = block.get();
        Optional<String> label = Optional.empty();
        if (b.has("label")) {
            JsonNode raw = b.raw("label");
            if (raw.isIntegralNumber() && raw.asLong() >= 1) {
                label = Optional.of(Long.toString(raw.asLong()));
            } else if (raw.isTextual() && !raw.textValue().isBlank()) {
                label = Optional.of(raw.textValue().strip());
            } else {
                b.problem(
                        "label",
                        Show.value(raw)
                                + " is not a segment number (1 or more) or a segment label");
            }
        }
        OptionalDouble tolerance = b.optionalNumber("surface_tolerance_mm");
        if (tolerance.isPresent() && !(tolerance.getAsDouble() >= 0)) {
            b.problem(
                    "surface_tolerance_mm",
                    Show.value(b.raw("surface_tolerance_mm")) + " is below the minimum 0");
            tolerance = OptionalDouble.empty();
        }
        OptionalDouble minComponent = b.optionalNumber("min_component_mm3");
        if (minComponent.isPresent() && !(minComponent.getAsDouble() >= 0)) {
            b.problem(
                    "min_component_mm3",
                    Show.value(b.raw("min_component_mm3")) + " is below the minimum 0");
            minComponent = OptionalDouble.empty();
        }
        OptionalDouble elongation = b.optionalNumber("max_elongation");
        if (elongation.isPresent() && !(elongation.getAsDouble() >= 1)) {
            b.problem(
                    "max_elongation",
                    Show.value(b.raw("max_elongation"))
                            + " is below the minimum 1 (a sphere's elongation)");
            elongation = OptionalDouble.empty();
        }
        b.rejectUnknownKeys();
        if (b.doc().hasProblemWithin(b.path())) {
            return Optional.empty();
        }
        return Optional.of(
                new SegmentationSettings(
                        label, tolerance, minComponent.orElse(0), elongation.orElse(0)));
    }

    /** The {@code detection} block: only in a detection protocol. */
    private Optional<DetectionSettings> detection(YamlMap m, Optional<Task> task) {
        if (!m.has("detection")) {
            return task.filter(t -> t == Task.DETECTION).map(t -> DetectionSettings.DEFAULT);
        }
        if (task.isPresent() && task.get() != Task.DETECTION) {
            m.problem(
                    "detection",
                    "is only for task: detection; this protocol's task is " + task.get().key());
            return Optional.empty();
        }
        Optional<YamlMap> block = m.map("detection");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap b = block.get();
        Optional<Long> min = Optional.of(1L);
        if (b.has("min_candidate_voxels")) {
            min = b.integer("min_candidate_voxels");
            if (min.isPresent() && (min.get() < 1 || min.get() > Integer.MAX_VALUE)) {
                b.problem("min_candidate_voxels", min.get() + " is not a positive count");
                min = Optional.empty();
            }
        }
        b.rejectUnknownKeys();
        if (min.isEmpty() || b.doc().hasProblemWithin(b.path())) {
            return Optional.empty();
        }
        return Optional.of(new DetectionSettings(min.get().intValue()));
    }

    private SeparationOfDuties duties(YamlMap m) {
        boolean both = m.bool("allow_one_user_both_roles", false);
        m.rejectUnknownKeys();
        return new SeparationOfDuties(both);
    }

    private Optional<Path> path(YamlMap m, String key, boolean directory) {
        return m.value(key).flatMap(v -> v.text().flatMap(t -> paths.resolve(v, t, directory)));
    }

    private Optional<Device> device(YamlMap m) {
        Optional<String> name = m.string("name");
        Optional<String> version = m.string("version");
        model = path(m, "model", false);
        Optional<String> sha = m.string("sha256");
        if (sha.isPresent() && !sha.get().matches("[0-9a-fA-F]{64}")) {
            m.problem(
                    "sha256",
                    Show.value(m.raw("sha256")) + " is not a SHA-256 (64 hexadecimal digits)");
            sha = Optional.empty();
        }
        m.rejectUnknownKeys();
        if (name.isEmpty() || version.isEmpty() || model.isEmpty() || sha.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Device(
                        name.get(),
                        version.get(),
                        model.get(),
                        sha.get().toLowerCase(Locale.ROOT)));
    }

    private Optional<Dataset> dataset(YamlMap m, Optional<Task> task) {
        Optional<Path> dicom = path(m, "dicom", true);
        Optional<Path> truth = path(m, "ground_truth", false);
        Optional<Path> masks =
                ExplanationParser.lesionMasks(m, task)
                        ? path(m, "reference_masks", true)
                        : reference(m, task, "reference_masks", Task.SEGMENTATION, true);
        Optional<Path> lesions = reference(m, task, "lesions", Task.DETECTION, false);
        Optional<Boolean> deidentify = m.bool("deidentify");
        boolean burnedIn = m.bool("allow_burned_in_annotation", false);
        List<String> modalities = Dataset.DEFAULT_MODALITIES;
        if (m.has("modalities")) {
            List<YamlMap.Indexed<String>> codes = m.strings("modalities", true);
            modalities = codes.stream().map(YamlMap.Indexed::value).distinct().toList();
            if (modalities.isEmpty() && !m.doc().hasProblem(m.path("modalities"))) {
                m.problem("modalities", "is empty; it takes at least 1 element");
            }
        }
        m.rejectUnknownKeys();
        if (dicom.isEmpty()
                || truth.isEmpty()
                || deidentify.isEmpty()
                || modalities.isEmpty()
                || m.doc().hasProblem(m.path("reference_masks"))
                || m.doc().hasProblem(m.path("lesions"))) {
            return Optional.empty();
        }
        return Optional.of(
                new Dataset(
                        dicom.get(),
                        truth.get(),
                        deidentify.get(),
                        burnedIn,
                        modalities,
                        masks,
                        lesions));
    }

    /**
     * The reference of a volume task ({@code reference_masks}, {@code lesions}): required by its
     * task, refused in any other, a path as every other dataset path.
     */
    private Optional<Path> reference(
            YamlMap m, Optional<Task> task, String key, Task owner, boolean directory) {
        if (task.isEmpty()) {
            m.raw(key);
            return Optional.empty();
        }
        if (task.get() != owner) {
            if (m.has(key)) {
                m.problem(
                        key,
                        "is only for task: "
                                + owner.key()
                                + "; this protocol's task is "
                                + task.get().key());
            }
            return Optional.empty();
        }
        if (!m.has(key)) {
            m.problem(
                    key,
                    "is required by task: "
                            + owner.key()
                            + (directory
                                    ? " (the folder of the reference DICOM SEG files, one per case)"
                                    : " (the CSV of the reference lesions:"
                                            + " case_id,x,y,z,radius)"));
            return Optional.empty();
        }
        return path(m, key, directory);
    }

    private Optional<OperatingPoint> operatingPoint(YamlMap m) {
        OptionalDouble threshold = m.number("threshold");
        if (threshold.isPresent() && model.isPresent()) {
            threshold = probability(m, threshold.getAsDouble(), model.get());
        }
        Optional<ThresholdRule> rule =
                m.string("rule")
                        .flatMap(
                                r ->
                                        choice(
                                                m,
                                                "rule",
                                                r,
                                                List.of(">=", ">"),
                                                ThresholdRule::parse));
        Optional<String> positive = m.string("positive_class");
        Optional<Direction> direction =
                m.string("direction")
                        .flatMap(
                                d ->
                                        choice(
                                                m,
                                                "direction",
                                                d,
                                                List.of("higher", "lower"),
                                                Direction::parse));
        m.rejectUnknownKeys();
        if (threshold.isEmpty() || rule.isEmpty() || positive.isEmpty() || direction.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new OperatingPoint(
                        threshold.getAsDouble(), rule.get(), positive.get(), direction.get()));
    }

    /** A threshold on probabilities outside [0, 1] would call every case alike. */
    private static OptionalDouble probability(YamlMap m, double t, Path model) {
        if (!ModelScores.probabilities(model).orElse(false) || (t >= 0 && t <= 1)) {
            return OptionalDouble.of(t);
        }
        String v = Show.value(m.raw("threshold"));
        m.problem("threshold", v + (t > 1 ? " is above the maximum 1" : " is below the minimum 0"));
        return OptionalDouble.empty();
    }

    private Optional<Subgroups> subgroups(YamlMap m) {
        List<YamlMap.Indexed<String>> items = m.strings("attributes", true);
        Optional<List<String>> attributes = Optional.of(new ArrayList<>());
        Set<String> seen = new HashSet<>();
        for (YamlMap.Indexed<String> a : items) {
            if (!Subgroups.ATTRIBUTES.contains(a.value())) {
                m.doc()
                        .problem(
                                a.path(),
                                Quote.value(a.value())
                                        + " is not one of "
                                        + Show.choices(Subgroups.ATTRIBUTES));
                attributes = Optional.empty();
            } else if (!seen.add(a.value())) {
                m.doc().problem(a.path(), Quote.value(a.value()) + " is listed twice");
                attributes = Optional.empty();
            } else {
                attributes.ifPresent(l -> l.add(a.value()));
            }
        }
        Optional<Long> min = m.integer("min_n_per_class");
        if (min.isPresent() && (min.get() < 1 || min.get() > Integer.MAX_VALUE)) {
            m.problem("min_n_per_class", min.get() + " is not a positive count");
            min = Optional.empty();
        }
        OptionalDouble width = m.optionalNumber("max_ci_width");
        if (width.isPresent() && !(width.getAsDouble() > 0 && width.getAsDouble() <= 1)) {
            m.problem("max_ci_width", Show.value(m.raw("max_ci_width")) + " is not in (0, 1]");
            width = OptionalDouble.empty();
        }
        m.rejectUnknownKeys();
        if (m.doc().hasProblemWithin(m.path("attributes"))
                || attributes.isEmpty()
                || min.isEmpty()
                || (m.has("max_ci_width") && width.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Subgroups(attributes.get(), min.get().intValue(), width));
    }

    private Optional<StatisticalMethods> statistics(YamlMap m) {
        Optional<BinomialInterval> method =
                m.string("ci_method")
                        .flatMap(
                                v ->
                                        choice(
                                                m,
                                                "ci_method",
                                                v,
                                                List.of("wilson", "clopper_pearson", "jeffreys"),
                                                BinomialInterval::parse));
        Optional<ConfidenceLevel> level = level(m, "level");
        Optional<Long> replicates = Optional.empty();
        Optional<Long> seed = Optional.empty();
        Optional<YamlMap> bootstrap = m.map("bootstrap");
        if (bootstrap.isPresent()) {
            YamlMap b = bootstrap.get();
            replicates = b.integer("replicates");
            if (replicates.isPresent()
                    && (replicates.get() < 100 || replicates.get() > 1_000_000)) {
                b.problem("replicates", replicates.get() + " is not in [100, 1000000]");
                replicates = Optional.empty();
            }
            seed = b.integer("seed");
            b.rejectUnknownKeys();
        }
        m.rejectUnknownKeys();
        if (method.isEmpty() || level.isEmpty() || replicates.isEmpty() || seed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new StatisticalMethods(
                        method.get(), level.get(), replicates.get().intValue(), seed.get()));
    }

    /** Returns a confidence level in (0, 1). */
    static Optional<ConfidenceLevel> level(YamlMap m, String key) {
        OptionalDouble v = m.number(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.getAsDouble() > 0 && v.getAsDouble() < 1)) {
            m.problem(key, Show.value(m.raw(key)) + " is not in (0, 1)");
            return Optional.empty();
        }
        return Optional.of(ConfidenceLevel.of(v.getAsDouble()));
    }

    /**
     * Returns the value {@code text} of a closed set; {@code choices} are the protocol's spellings,
     * which the schema holds to (the parsers accept a few more).
     */
    static <T> Optional<T> choice(
            YamlMap m, String key, String text, List<String> choices, Function<String, T> parser) {
        if (choices.contains(text)) {
            try {
                return Optional.of(parser.apply(text));
            } catch (IllegalArgumentException e) {
                // falls through to the problem below
            }
        }
        m.problem(key, Show.notOneOf(m.raw(key), choices));
        return Optional.empty();
    }
}
