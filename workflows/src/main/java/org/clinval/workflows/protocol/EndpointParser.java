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

/** Walks the protocol's {@code endpoints}: unique ids, a primary one, criteria that can pass. */
final class EndpointParser {

    private static final List<String> ROLES = List.of("primary", "secondary");

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

    private Optional<Criterion> criterion(YamlMap m) {
        Optional<Measure> measure =
                m.string("measure")
                        .flatMap(
                                v ->
                                        ProtocolParser.choice(
                                                m,
                                                "measure",
                                                v,
                                                keys(Measure.values()),
                                                Measure::parse));
        OptionalDouble estimateMin = unit(m, "estimate_min");
        OptionalDouble ciLowerMin = unit(m, "ci_lower_min");
        boolean minimaOk =
                !m.doc().hasProblem(m.path("estimate_min"))
                        && !m.doc().hasProblem(m.path("ci_lower_min"));
        if (minimaOk && estimateMin.isEmpty() && ciLowerMin.isEmpty()) {
            m.problem("estimate_min", "or ci_lower_min is required: a criterion needs a minimum");
            minimaOk = false;
        }
        Optional<CiMethod> method =
                m.string("ci_method")
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
        Optional<ConfidenceLevel> level = ProtocolParser.level(m, "level");
        m.rejectUnknownKeys();
        if (measure.isEmpty() || !minimaOk || method.isEmpty() || level.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Criterion(measure.get(), estimateMin, ciLowerMin, method.get(), level.get()));
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

    private static List<String> keys(Measure[] values) {
        return java.util.Arrays.stream(values).map(Measure::key).toList();
    }

    private static List<String> keys(CiMethod[] values) {
        return java.util.Arrays.stream(values).map(CiMethod::key).toList();
    }
}
