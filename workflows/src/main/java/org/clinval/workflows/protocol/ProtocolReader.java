package org.clinval.workflows.protocol;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.interval.BinomialInterval;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks a study protocol. Every problem of the file is collected in one pass and
 * reported together by {@link InvalidProtocolException}, each naming its YAML path, so that the QA
 * team fixes the protocol in one round.
 *
 * <p>Relative paths are resolved against a base folder, by default the protocol's own folder.
 * Unknown keys are problems too: a misspelt optional key must not silently fall back to nothing.
 * Only plain YAML is accepted (no tags that construct objects).
 */
public final class ProtocolReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern REFERENCE = Pattern.compile("\\S+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Path file;
    private final Path base;
    private final boolean checkFiles;
    private final List<ProtocolProblem> problems = new ArrayList<>();

    private ProtocolReader(Path file, Path base, boolean checkFiles) {
        this.file = file;
        this.base = base.toAbsolutePath().normalize();
        this.checkFiles = checkFiles;
    }

    /**
     * Reads {@code file}, resolving paths against its folder and checking that every named file and
     * folder exists.
     *
     * @throws InvalidProtocolException listing every problem, if there is any
     * @throws IOException if the file cannot be read
     */
    public static StudyProtocol read(Path file) throws InvalidProtocolException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        return read(file, parent, true);
    }

    /**
     * Reads {@code file}, resolving paths against {@code base}; with {@code checkFiles} also checks
     * that every named file and folder exists.
     */
    public static StudyProtocol read(Path file, Path base, boolean checkFiles)
            throws InvalidProtocolException, IOException {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (MarkedYAMLException e) {
            throw new InvalidProtocolException(
                    file,
                    List.of(
                            new ProtocolProblem(
                                    "",
                                    "is not valid YAML at line "
                                            + (e.getProblemMark().getLine() + 1)
                                            + ", column "
                                            + (e.getProblemMark().getColumn() + 1)
                                            + ": "
                                            + e.getProblem())));
        } catch (YAMLException e) {
            throw new InvalidProtocolException(
                    file, List.of(new ProtocolProblem("", "is not valid YAML: " + e.getMessage())));
        }
        return new ProtocolReader(file, base, checkFiles).protocol(root);
    }

    private StudyProtocol protocol(Object root) throws InvalidProtocolException {
        Optional<YamlMap> top = YamlMap.of("", root, problems);
        if (top.isEmpty()) {
            throw new InvalidProtocolException(file, problems);
        }
        YamlMap m = top.get();
        Optional<String> id = m.string("id");
        id.filter(v -> !ID.matcher(v).matches())
                .ifPresent(
                        v ->
                                m.problem(
                                        "id",
                                        "'"
                                                + v
                                                + "' is not an identifier (letters, digits, '.', '_', '-')"));
        Optional<String> title = m.string("title");
        Optional<String> intendedUse = m.string("intended_use");
        Optional<Device> device = m.map("device").flatMap(this::device);
        Optional<Dataset> dataset = m.map("dataset").flatMap(this::dataset);
        Optional<OperatingPoint> point = m.map("operating_point").flatMap(this::operatingPoint);
        Optional<List<Endpoint>> endpoints = endpoints(m);
        Optional<Subgroups> subgroups = m.map("subgroups").flatMap(this::subgroups);
        Optional<StatisticalMethods> statistics = m.map("statistics").flatMap(this::statistics);
        Optional<Path> features = Optional.empty();
        if (m.has("features")) {
            features = m.string("features").flatMap(p -> path(m, "features", p, true));
        }
        SeparationOfDuties duties = SeparationOfDuties.STRICT;
        if (m.has("separation_of_duties")) {
            duties = m.map("separation_of_duties").map(this::duties).orElse(duties);
        }
        m.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new InvalidProtocolException(file, problems);
        }
        return new StudyProtocol(
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
                duties);
    }

    private SeparationOfDuties duties(YamlMap m) {
        boolean both = false;
        if (m.has("allow_one_user_both_roles")) {
            both = m.bool("allow_one_user_both_roles").orElse(false);
        }
        m.rejectUnknownKeys();
        return new SeparationOfDuties(both);
    }

    private Optional<Device> device(YamlMap m) {
        Optional<String> name = m.string("name");
        Optional<String> version = m.string("version");
        Optional<Path> model = m.string("model").flatMap(p -> path(m, "model", p, false));
        Optional<String> sha = m.string("sha256");
        if (sha.isPresent() && !SHA256.matcher(sha.get()).matches()) {
            m.problem(
                    "sha256",
                    "'"
                            + sha.get()
                            + "' is not a SHA-256 (64 hexadecimal digits)"
                            + (m.isText("sha256")
                                    ? ""
                                    : "; put it in quotes, YAML read it as a number"));
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

    private Optional<Dataset> dataset(YamlMap m) {
        Optional<Path> dicom = m.string("dicom").flatMap(p -> path(m, "dicom", p, true));
        Optional<Path> truth =
                m.string("ground_truth").flatMap(p -> path(m, "ground_truth", p, false));
        Optional<Boolean> deidentify = m.bool("deidentify");
        boolean burnedIn = false;
        if (m.has("allow_burned_in_annotation")) {
            burnedIn = m.bool("allow_burned_in_annotation").orElse(false);
        }
        m.rejectUnknownKeys();
        if (dicom.isEmpty() || truth.isEmpty() || deidentify.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dataset(dicom.get(), truth.get(), deidentify.get(), burnedIn));
    }

    private Optional<OperatingPoint> operatingPoint(YamlMap m) {
        OptionalDouble threshold = m.number("threshold");
        Optional<ThresholdRule> rule =
                m.string("rule")
                        .flatMap(
                                r -> {
                                    if (r.equals(">=") || r.equals(">")) {
                                        return Optional.of(ThresholdRule.parse(r));
                                    }
                                    m.problem("rule", "'" + r + "' is not one of '>=', '>'");
                                    return Optional.empty();
                                });
        Optional<String> positive = m.string("positive_class");
        Optional<Direction> direction =
                m.string("direction").flatMap(d -> parse(m, "direction", d, Direction::parse));
        m.rejectUnknownKeys();
        if (threshold.isEmpty() || rule.isEmpty() || positive.isEmpty() || direction.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new OperatingPoint(
                        threshold.getAsDouble(), rule.get(), positive.get(), direction.get()));
    }

    private Optional<List<Endpoint>> endpoints(YamlMap m) {
        Optional<List<Object>> list = m.list("endpoints", true);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().isEmpty()) {
            m.problem("endpoints", "is empty: a study needs at least one primary endpoint");
            return Optional.empty();
        }
        List<Endpoint> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < list.get().size(); i++) {
            String path = "endpoints[" + i + "]";
            Optional<Endpoint> e =
                    YamlMap.of(path, list.get().get(i), problems).flatMap(this::endpoint);
            if (e.isEmpty()) {
                ok = false;
                continue;
            }
            if (!ids.add(e.get().id())) {
                problems.add(
                        new ProtocolProblem(
                                path + ".id",
                                "'" + e.get().id() + "' is used by another endpoint"));
                ok = false;
            }
            out.add(e.get());
        }
        if (ok && out.stream().noneMatch(e -> e.role() == EndpointRole.PRIMARY)) {
            m.problem("endpoints", "has no primary endpoint: the study would pass on nothing");
            ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private Optional<Endpoint> endpoint(YamlMap m) {
        Optional<String> id = m.string("id");
        id.filter(v -> !ID.matcher(v).matches())
                .ifPresent(v -> m.problem("id", "'" + v + "' is not an identifier"));
        Optional<EndpointRole> role =
                m.string("role")
                        .flatMap(
                                r ->
                                        parse(
                                                m,
                                                "role",
                                                r,
                                                t ->
                                                        switch (t.toLowerCase(Locale.ROOT)) {
                                                            case "primary" -> EndpointRole.PRIMARY;
                                                            case "secondary" ->
                                                                    EndpointRole.SECONDARY;
                                                            default ->
                                                                    throw new IllegalArgumentException(
                                                                            "'"
                                                                                    + t
                                                                                    + "' is not one of primary, secondary");
                                                        }));
        Optional<String> name = m.string("name");
        Optional<Criterion> criterion = m.map("criterion").flatMap(this::criterion);
        Optional<List<String>> requirements = Optional.empty();
        Optional<List<String>> riskControls = Optional.empty();
        Optional<YamlMap> verifies = m.map("verifies");
        if (verifies.isPresent()) {
            YamlMap v = verifies.get();
            requirements = references(v, "requirements", true);
            if (requirements.isPresent() && requirements.get().isEmpty()) {
                v.problem(
                        "requirements", "is empty: an endpoint verifies at least one requirement");
                requirements = Optional.empty();
            }
            riskControls =
                    v.has("risk_controls")
                            ? references(v, "risk_controls", false)
                            : Optional.of(List.of());
            v.rejectUnknownKeys();
        }
        m.rejectUnknownKeys();
        if (id.isEmpty()
                || role.isEmpty()
                || name.isEmpty()
                || criterion.isEmpty()
                || requirements.isEmpty()
                || riskControls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Endpoint(
                        id.get(),
                        role.get(),
                        name.get(),
                        criterion.get(),
                        requirements.get(),
                        riskControls.get()));
    }

    private Optional<List<String>> references(YamlMap m, String key, boolean required) {
        Optional<List<String>> l = m.strings(key, required);
        if (l.isEmpty()) {
            return l;
        }
        boolean ok = true;
        for (int i = 0; i < l.get().size(); i++) {
            if (!REFERENCE.matcher(l.get().get(i)).matches()) {
                problems.add(
                        new ProtocolProblem(
                                m.path(key) + "[" + i + "]",
                                "'" + l.get().get(i) + "' is not an ID (no spaces)"));
                ok = false;
            }
        }
        return ok ? l : Optional.empty();
    }

    private Optional<Criterion> criterion(YamlMap m) {
        Optional<Measure> measure =
                m.string("measure").flatMap(v -> parse(m, "measure", v, Measure::parse));
        OptionalDouble estimateMin = m.unit("estimate_min", false);
        OptionalDouble ciLowerMin = m.unit("ci_lower_min", false);
        boolean minimaOk = !problemAt(m.path("estimate_min")) && !problemAt(m.path("ci_lower_min"));
        if (minimaOk && estimateMin.isEmpty() && ciLowerMin.isEmpty()) {
            m.problem("estimate_min", "or ci_lower_min is required: a criterion needs a minimum");
            minimaOk = false;
        }
        Optional<CiMethod> method =
                m.string("ci_method").flatMap(v -> parse(m, "ci_method", v, CiMethod::parse));
        if (measure.isPresent() && method.isPresent() && !method.get().appliesTo(measure.get())) {
            m.problem(
                    "ci_method",
                    method.get().key()
                            + " is not an interval method for "
                            + measure.get().key()
                            + " (one of "
                            + String.join(
                                    ", ",
                                    CiMethod.applicableTo(measure.get()).stream()
                                            .map(CiMethod::key)
                                            .toList())
                            + ")");
            method = Optional.empty();
        }
        Optional<ConfidenceLevel> level = level(m, "level");
        m.rejectUnknownKeys();
        if (measure.isEmpty() || !minimaOk || method.isEmpty() || level.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Criterion(measure.get(), estimateMin, ciLowerMin, method.get(), level.get()));
    }

    private boolean problemAt(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path));
    }

    private Optional<ConfidenceLevel> level(YamlMap m, String key) {
        OptionalDouble v = m.number(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.getAsDouble() > 0 && v.getAsDouble() < 1)) {
            m.problem(key, Criterion.num(v.getAsDouble()) + " is not in (0, 1)");
            return Optional.empty();
        }
        return Optional.of(ConfidenceLevel.of(v.getAsDouble()));
    }

    private Optional<Subgroups> subgroups(YamlMap m) {
        Optional<List<String>> attributes = m.strings("attributes", true);
        if (attributes.isPresent()) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < attributes.get().size(); i++) {
                String a = attributes.get().get(i);
                String p = m.path("attributes") + "[" + i + "]";
                if (!Subgroups.ATTRIBUTES.contains(a)) {
                    problems.add(
                            new ProtocolProblem(
                                    p,
                                    "'"
                                            + a
                                            + "' is not one of "
                                            + String.join(", ", Subgroups.ATTRIBUTES)));
                    attributes = Optional.empty();
                    break;
                }
                if (!seen.add(a)) {
                    problems.add(new ProtocolProblem(p, "'" + a + "' is listed twice"));
                    attributes = Optional.empty();
                    break;
                }
            }
        }
        Optional<Long> min = m.integer("min_n_per_class");
        if (min.isPresent() && (min.get() < 1 || min.get() > Integer.MAX_VALUE)) {
            m.problem("min_n_per_class", min.get() + " is not a positive count");
            min = Optional.empty();
        }
        OptionalDouble width = m.optionalNumber("max_ci_width");
        if (width.isPresent() && !(width.getAsDouble() > 0 && width.getAsDouble() <= 1)) {
            m.problem("max_ci_width", width.getAsDouble() + " is not in (0, 1]");
            return Optional.empty();
        }
        m.rejectUnknownKeys();
        if (attributes.isEmpty() || min.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Subgroups(attributes.get(), min.get().intValue(), width));
    }

    private Optional<StatisticalMethods> statistics(YamlMap m) {
        Optional<BinomialInterval> method =
                m.string("ci_method")
                        .flatMap(v -> parse(m, "ci_method", v, BinomialInterval::parse));
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

    private Optional<Path> path(YamlMap m, String key, String text, boolean directory) {
        Path p;
        try {
            p = base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            m.problem(key, "'" + text + "' is not a path: " + e.getReason());
            return Optional.empty();
        }
        if (checkFiles) {
            if (directory && !Files.isDirectory(p)) {
                m.problem(key, "'" + text + "' is not a folder (" + p + ")");
                return Optional.empty();
            }
            if (!directory && !Files.isRegularFile(p)) {
                m.problem(key, "'" + text + "' is not a file (" + p + ")");
                return Optional.empty();
            }
        }
        return Optional.of(p);
    }

    private static <T> Optional<T> parse(
            YamlMap m, String key, String text, java.util.function.Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            // "direction is not one of higher, lower: up" becomes "'up' is not one of higher,
            // lower"
            String msg = e.getMessage();
            int is = msg.indexOf("is not");
            int colon = msg.lastIndexOf(": ");
            if (!msg.startsWith("'") && is >= 0 && colon > is) {
                msg = "'" + text + "' " + msg.substring(is, colon);
            }
            m.problem(key, msg);
            return Optional.empty();
        }
    }
}
