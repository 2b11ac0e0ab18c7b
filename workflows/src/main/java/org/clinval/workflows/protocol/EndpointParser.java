package org.clinval.workflows.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.validation.ConfidenceLevel;

/**
 * Walks the protocol's {@code endpoints}: unique ids, a primary one, criteria that can pass, and
 * measures that fit the protocol's task.
 */
final class EndpointParser {

    private static final List<String> ROLES = List.of("primary", "secondary");
    private static final List<String> BOUNDS =
            List.of("estimate_min", "ci_lower_min", "estimate_max", "ci_upper_max");

    private final Optional<Task> task;
    private final boolean surfaceTolerance;
    private final Optional<GradingSettings> grading;
    private final boolean readerStudy;
    private final boolean readerThreshold;

    /**
     * @param task the protocol's task, empty when it is itself a problem (measures are then not
     *     checked against it)
     * @param surfaceTolerance whether the protocol states segmentation.surface_tolerance_mm
     * @param grading the protocol's grading block, when it is one and has no problem
     * @param readerStudy whether the protocol has a {@code reader_study} block (with or without
     *     problems of its own)
     * @param readerThreshold whether that block states a {@code threshold}
     */
    EndpointParser(
            Optional<Task> task,
            boolean surfaceTolerance,
            Optional<GradingSettings> grading,
            boolean readerStudy,
            boolean readerThreshold) {
        this.task = task;
        this.surfaceTolerance = surfaceTolerance;
        this.grading = grading;
        this.readerStudy = readerStudy;
        this.readerThreshold = readerThreshold;
    }

    Optional<List<Endpoint>> endpoints(YamlMap m) {
        Optional<List<YamlValue>> list = m.list("endpoints", true);
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
        for (YamlValue v : list.get()) {
            Optional<Endpoint> e = v.asMap().flatMap(this::endpoint);
            if (e.isEmpty()) {
                ok = false;
                continue;
            }
            if (!ids.add(e.get().id())) {
                m.doc()
                        .problem(
                                v.path() + ".id",
                                Quote.value(e.get().id()) + " is used by another endpoint");
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
        Optional<EndpointRole> role =
                m.string("role")
                        .flatMap(
                                r ->
                                        ProtocolParser.choice(
                                                m,
                                                "role",
                                                r,
                                                ROLES,
                                                t -> EndpointRole.values()[ROLES.indexOf(t)]));
        Optional<String> name = m.string("name");
        Optional<Criterion> criterion = m.map("criterion").flatMap(c -> criterion(c, id));
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
            riskControls = references(v, "risk_controls", false);
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

    private static Optional<List<String>> references(YamlMap m, String key, boolean required) {
        List<String> out = new ArrayList<>();
        for (YamlMap.Indexed<String> r : m.strings(key, required)) {
            if (r.value().chars().anyMatch(Character::isWhitespace)) {
                m.doc().problem(r.path(), Quote.value(r.value()) + " is not an ID (no spaces)");
            }
            out.add(r.value());
        }
        if ((required && !m.has(key)) || m.doc().hasProblemWithin(m.path(key))) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private Optional<Criterion> criterion(YamlMap m, Optional<String> id) {
        Optional<Measure> measure =
                m.string("measure")
                        .flatMap(
                                v ->
                                        ProtocolParser.choice(
                                                m, "measure", v, Measure.keys(), Measure::parse));
        boolean measureOk = measure.isPresent() && fits(m, measure.get(), id);
        boolean unit = measure.map(Measure::isUnitInterval).orElse(true);
        boolean difference = measure.map(Measure::isDifference).orElse(false);
        OptionalDouble estimateMin = bound(m, "estimate_min", unit, difference);
        OptionalDouble ciLowerMin = bound(m, "ci_lower_min", unit, difference);
        OptionalDouble estimateMax = bound(m, "estimate_max", unit, difference);
        OptionalDouble ciUpperMax = bound(m, "ci_upper_max", unit, difference);
        boolean boundsOk =
                BOUNDS.stream().noneMatch(k -> m.doc().hasProblem(m.path(k)))
                        && measure.isPresent()
                        && bounds(
                                m,
                                measure.get(),
                                estimateMin,
                                ciLowerMin,
                                estimateMax,
                                ciUpperMax,
                                m.has("superiority_goal"));
        OptionalDouble fpPerScan = fpPerScan(m, measure);
        boolean fpOk = !m.doc().hasProblem(m.path("fp_per_scan"));
        Optional<String> gradingEndpoint = gradingEndpoint(m, measure);
        OptionalDouble goal = m.optionalNumber("superiority_goal");
        OptionalDouble alpha = m.optionalNumber("alpha");
        boolean superiorityOk = superiority(m, measure, goal, alpha);
        Optional<CiMethod> defaultMethod =
                measure.flatMap(
                        x ->
                                x.isReaderStudy()
                                        ? Optional.of(CiMethod.MRMC)
                                        : x.isKappa()
                                                ? Optional.of(CiMethod.FLEISS_COHEN_EVERITT)
                                                : x.isMulticlassAuc()
                                                        ? Optional.of(CiMethod.NONE)
                                                        : goal.isPresent()
                                                                ? Optional.of(
                                                                        CiMethod.CLOPPER_PEARSON)
                                                                : Optional.empty());
        Optional<CiMethod> method =
                !m.has("ci_method") && defaultMethod.isPresent()
                        ? defaultMethod
                        : m.string("ci_method")
                                .flatMap(
                                        v ->
                                                ProtocolParser.choice(
                                                        m,
                                                        "ci_method",
                                                        v,
                                                        keys(CiMethod.values()),
                                                        CiMethod::parse));
        if (measure.isPresent() && method.isPresent() && !method.get().appliesTo(measure.get())) {
            m.problem(
                    "ci_method",
                    method.get().key()
                            + " is not an interval method for "
                            + measure.get().key()
                            + " (one of "
                            + String.join(
                                    ", ",
                                    keys(
                                            CiMethod.applicableTo(measure.get())
                                                    .toArray(CiMethod[]::new)))
                            + ")");
            method = Optional.empty();
        }
        boolean levelOptional =
                !m.has("level")
                        && (measure.map(Measure::isMulticlassAuc).orElse(false)
                                || alpha.isPresent()
                                || goal.isPresent());
        Optional<ConfidenceLevel> level =
                levelOptional
                        ? Optional.of(
                                ConfidenceLevel.of(
                                        alpha.isPresent() && superiorityOk
                                                ? 1 - 2 * alpha.getAsDouble()
                                                : 0.95))
                        : ProtocolParser.level(m, "level");
        m.rejectUnknownKeys();
        if (!measureOk
                || !boundsOk
                || !fpOk
                || !superiorityOk
                || m.doc().hasProblem(m.path("grading_endpoint"))
                || method.isEmpty()
                || level.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Criterion(
                        measure.get(),
                        estimateMin,
                        ciLowerMin,
                        estimateMax,
                        ciUpperMax,
                        fpPerScan,
                        method.get(),
                        level.get(),
                        gradingEndpoint,
                        superiorityOk ? goal : OptionalDouble.empty(),
                        superiorityOk ? alpha : OptionalDouble.empty()));
    }

    /**
     * {@code grading_endpoint}: task grading, sensitivity or specificity, an id of {@code
     * grading.endpoints}.
     */
    private Optional<String> gradingEndpoint(YamlMap m, Optional<Measure> measure) {
        if (!m.has("grading_endpoint")) {
            return Optional.empty();
        }
        Optional<String> id = m.string("grading_endpoint");
        if (id.isEmpty()) {
            return id;
        }
        if (task.isPresent() && task.get() != Task.GRADING) {
            m.problem(
                    "grading_endpoint",
                    "is only for task: grading; this protocol's task is " + task.get().key());
            return Optional.empty();
        }
        if (measure.isPresent() && !proportionOfCut(measure.get())) {
            m.problem(
                    "grading_endpoint",
                    "is only for sensitivity and specificity, not " + measure.get().key());
            return Optional.empty();
        }
        if (grading.isPresent() && grading.get().endpoint(id.get()).isEmpty()) {
            m.problem(
                    "grading_endpoint",
                    Quote.value(id.get())
                            + " is not an id of grading.endpoints ("
                            + String.join(
                                    ", ",
                                    grading.get().endpoints().stream()
                                            .map(GradingEndpoint::id)
                                            .toList())
                            + ")");
            return Optional.empty();
        }
        return id;
    }

    private static boolean proportionOfCut(Measure m) {
        return m == Measure.SENSITIVITY || m == Measure.SPECIFICITY;
    }

    /**
     * {@code superiority_goal} with {@code alpha}: both or neither, sensitivity or specificity,
     * goal in (0, 1), alpha in (0, 0.5).
     */
    private static boolean superiority(
            YamlMap m, Optional<Measure> measure, OptionalDouble goal, OptionalDouble alpha) {
        if (m.doc().hasProblem(m.path("superiority_goal")) || m.doc().hasProblem(m.path("alpha"))) {
            return false;
        }
        boolean ok = true;
        if (goal.isPresent() && measure.isPresent() && !proportionOfCut(measure.get())) {
            m.problem(
                    "superiority_goal",
                    "is only for sensitivity and specificity, not " + measure.get().key());
            ok = false;
        }
        if (goal.isPresent() && !(goal.getAsDouble() > 0 && goal.getAsDouble() < 1)) {
            m.problem(
                    "superiority_goal",
                    Show.value(m.raw("superiority_goal")) + " is not in (0, 1)");
            ok = false;
        }
        if (goal.isPresent() && alpha.isEmpty()) {
            m.problem("alpha", "is required by superiority_goal: the one-sided significance level");
            ok = false;
        }
        if (alpha.isPresent() && goal.isEmpty()) {
            m.problem("alpha", "is only for a superiority test: state superiority_goal");
            ok = false;
        }
        if (alpha.isPresent() && !(alpha.getAsDouble() > 0 && alpha.getAsDouble() < 0.5)) {
            m.problem("alpha", Show.value(m.raw("alpha")) + " is not in (0, 0.5)");
            ok = false;
        }
        return ok;
    }

    /** A measure of another task than the protocol's is refused, naming the endpoint. */
    private boolean fits(YamlMap m, Measure measure, Optional<String> id) {
        String endpoint = id.map(i -> "endpoint " + i + ": ").orElse("");
        if (measure.isReaderStudy()) {
            if (task.isPresent() && !measure.fits(task.get())) {
                m.problem(
                        "measure",
                        endpoint
                                + measure.key()
                                + " needs a reader study of a label per case; this protocol's task"
                                + " is "
                                + task.get().key());
                return false;
            }
            if (!readerStudy) {
                m.problem(
                        "measure",
                        endpoint
                                + measure.key()
                                + " needs a reader_study block: the readers' reads without"
                                + " (unaided) and with (aided) the device");
                return false;
            }
            if (measure.needsReaderThreshold() && !readerThreshold) {
                m.problem(
                        "measure",
                        endpoint
                                + measure.key()
                                + " needs reader_study.threshold: the score at which a read is a"
                                + " positive call (binary 0/1 reads: threshold 1)");
                return false;
            }
            return true;
        }
        if (task.isPresent() && !measure.fits(task.get())) {
            m.problem(
                    "measure",
                    endpoint
                            + measure.key()
                            + " is a "
                            + measure.task().orElseThrow().key()
                            + " measure, but the protocol's task is "
                            + task.get().key()
                            + " (measures of every task: "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(Measure.values())
                                            .filter(Measure::isCaseLevel)
                                            .map(Measure::key)
                                            .toList())
                            + ")");
            return false;
        }
        if (measure == Measure.SURFACE_DICE_MEAN && task.isPresent() && !surfaceTolerance) {
            m.problem(
                    "measure",
                    endpoint
                            + "surface_dice_mean needs segmentation.surface_tolerance_mm: without a"
                            + " tolerance the surface Dice is undefined in every case");
            return false;
        }
        return true;
    }

    /** Minima for larger-is-better measures, maxima for smaller-is-better ones, at least one. */
    private static boolean bounds(
            YamlMap m,
            Measure measure,
            OptionalDouble estimateMin,
            OptionalDouble ciLowerMin,
            OptionalDouble estimateMax,
            OptionalDouble ciUpperMax,
            boolean superiority) {
        boolean ok = true;
        if (measure.isMulticlassAuc() && m.has("ci_lower_min")) {
            m.problem(
                    "ci_lower_min",
                    "is not a bound of "
                            + measure.key()
                            + ": it is estimated without an interval (state estimate_min)");
            return false;
        }
        if (measure.smallerIsBetter()) {
            for (String k : List.of("estimate_min", "ci_lower_min")) {
                if (m.has(k)) {
                    m.problem(
                            k,
                            "is not a bound of "
                                    + measure.key()
                                    + ", where smaller is better: state estimate_max or"
                                    + " ci_upper_max");
                    ok = false;
                }
            }
            if (ok && estimateMax.isEmpty() && ciUpperMax.isEmpty()) {
                m.problem(
                        "estimate_max",
                        "or ci_upper_max is required: a criterion of "
                                + measure.key()
                                + " needs a maximum");
                ok = false;
            }
            return ok;
        }
        for (String k : List.of("estimate_max", "ci_upper_max")) {
            if (m.has(k)) {
                m.problem(
                        k,
                        "is not a bound of "
                                + measure.key()
                                + ", where larger is better: state estimate_min or ci_lower_min"
                                + " (maxima are for "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(Measure.values())
                                                .filter(Measure::smallerIsBetter)
                                                .map(Measure::key)
                                                .toList())
                                + ")");
                ok = false;
            }
        }
        if (ok && estimateMin.isEmpty() && ciLowerMin.isEmpty() && !superiority) {
            m.problem("estimate_min", "or ci_lower_min is required: a criterion needs a minimum");
            ok = false;
        }
        return ok;
    }

    /** {@code fp_per_scan}: required by sensitivity_at_fp, refused elsewhere, positive. */
    private static OptionalDouble fpPerScan(YamlMap m, Optional<Measure> measure) {
        boolean wanted = measure.map(x -> x == Measure.SENSITIVITY_AT_FP).orElse(false);
        if (measure.isPresent() && !wanted) {
            if (m.has("fp_per_scan")) {
                m.problem(
                        "fp_per_scan", "is only for sensitivity_at_fp, not " + measure.get().key());
            }
            return OptionalDouble.empty();
        }
        OptionalDouble v = wanted ? m.number("fp_per_scan") : m.optionalNumber("fp_per_scan");
        if (v.isPresent() && !(v.getAsDouble() > 0)) {
            m.problem(
                    "fp_per_scan",
                    Show.value(m.raw("fp_per_scan"))
                            + " is not a positive number of false positives per scan");
            return OptionalDouble.empty();
        }
        return v;
    }

    /**
     * Returns an optional bound: in [-1, 1] for a difference, in [0, 1] for a measure in [0, 1],
     * else non-negative.
     */
    private static OptionalDouble bound(YamlMap m, String key, boolean unit, boolean difference) {
        if (difference) {
            OptionalDouble v = m.optionalNumber(key);
            if (v.isPresent() && !(v.getAsDouble() >= -1 && v.getAsDouble() <= 1)) {
                m.problem(
                        key,
                        Show.value(m.raw(key))
                                + " is not in [-1, 1] (a difference of two reader-averaged"
                                + " values)");
                return OptionalDouble.empty();
            }
            return v;
        }
        if (unit) {
            return unit(m, key);
        }
        OptionalDouble v = m.optionalNumber(key);
        if (v.isPresent() && v.getAsDouble() < 0) {
            m.problem(key, Show.value(m.raw(key)) + " is below the minimum 0");
            return OptionalDouble.empty();
        }
        return v;
    }

    /** Returns an optional number in [0, 1]. */
    private static OptionalDouble unit(YamlMap m, String key) {
        OptionalDouble v = m.optionalNumber(key);
        if (v.isEmpty()) {
            return v;
        }
        double d = v.getAsDouble();
        if (d < 0 || d > 1) {
            m.problem(
                    key,
                    Show.value(m.raw(key))
                            + (d > 1 ? " is above the maximum 1" : " is below the minimum 0"));
            return OptionalDouble.empty();
        }
        return v;
    }

    private static List<String> keys(CiMethod[] values) {
        return java.util.Arrays.stream(values).map(CiMethod::key).toList();
    }
}
