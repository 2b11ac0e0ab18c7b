package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.risk.ControlKind;
import org.clinval.risk.Factor;
import org.clinval.risk.Hazard;
import org.clinval.risk.HazardControl;
import org.clinval.risk.Level;
import org.clinval.risk.RiskControl;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.RiskRegister;
import org.clinval.risk.Scale;

/**
 * Reads the risk register and checks it against the plan's scales and the requirements' ids. Bad
 * entries are recorded as problems and left out; the result is used only when the files have no
 * problem at all.
 */
final class RegisterParser {

    private final YamlDocument doc;
    private final Optional<Scale> severity;
    private final Optional<Scale> probability;
    private final Optional<Set<String>> requirementIds;

    private final Map<YamlMap, String> ids = new IdentityHashMap<>();
    private final Map<String, String> controlPaths = new LinkedHashMap<>();
    private final Set<String> usedControls = new HashSet<>();
    private final Set<String> hazardIds = new HashSet<>();
    private final List<YamlMap.Indexed<String>> introduced = new ArrayList<>();
    private final List<RiskControl> controls = new ArrayList<>();
    private final List<Hazard> hazards = new ArrayList<>();
    private Optional<String> id = Optional.empty();
    private Optional<String> title = Optional.empty();

    /**
     * @param requirementIds the ids of the requirements file, or empty when it could not be read
     *     (references to requirements are then not checked)
     */
    private RegisterParser(
            YamlDocument doc,
            Optional<Scale> severity,
            Optional<Scale> probability,
            Optional<Set<String>> requirementIds) {
        this.doc = doc;
        this.severity = severity;
        this.probability = probability;
        this.requirementIds = requirementIds;
    }

    static Optional<RiskRegister> parse(
            YamlMap root,
            Optional<Scale> severity,
            Optional<Scale> probability,
            Optional<Set<String>> requirementIds) {
        RegisterParser p = new RegisterParser(root.doc(), severity, probability, requirementIds);
        p.register(root);
        if (p.id.isEmpty() || p.title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RiskRegister(p.id.get(), p.title.get(), p.controls, p.hazards));
    }

    /** Returns the {@code risk_file.plan} and {@code risk_file.requirements} paths, if given. */
    static Map<String, String> header(YamlDocument register) {
        Map<String, String> out = new LinkedHashMap<>();
        register.root()
                .map(r -> r.node().path("risk_file"))
                .ifPresent(
                        h -> {
                            for (String key : List.of("plan", "requirements")) {
                                String s =
                                        h.path(key).isTextual()
                                                ? h.path(key).textValue().trim()
                                                : "";
                                if (!s.isEmpty()) out.put(key, s);
                            }
                        });
        return out;
    }

    private void register(YamlMap root) {
        root.map("risk_file").ifPresent(this::readHeader);
        List<YamlMap> cs = entries(root, "controls");
        List<YamlMap> hs = entries(root, "hazards");
        root.rejectUnknownKeys();
        // Ids first, so that references can be checked whatever the order of the file.
        for (YamlMap c : cs) {
            Ids.id(c, "id")
                    .ifPresent(
                            v -> {
                                ids.put(c, v);
                                if (controlPaths.putIfAbsent(v, c.path()) != null) {
                                    c.problem("id", Quote.value(v) + " is a risk control already");
                                }
                            });
        }
        for (YamlMap h : hs) {
            Ids.id(h, "id")
                    .ifPresent(
                            v -> {
                                ids.put(h, v);
                                if (!hazardIds.add(v)) {
                                    h.problem("id", Quote.value(v) + " is a hazard already");
                                }
                            });
        }
        cs.forEach(this::control);
        hs.forEach(this::hazard);
        for (YamlMap.Indexed<String> i : introduced) {
            if (!hazardIds.contains(i.value())) {
                doc.problem(i.path(), Quote.value(i.value()) + " is not a hazard of the register");
            }
        }
        controlPaths.forEach(
                (c, path) -> {
                    if (!usedControls.contains(c)) {
                        doc.problem(
                                path,
                                "risk control "
                                        + c
                                        + " is applied to no hazard: list it under the controls of"
                                        + " the hazards it reduces, or remove it");
                    }
                });
    }

    private List<YamlMap> entries(YamlMap root, String key) {
        Optional<List<YamlValue>> items = root.list(key, true);
        List<YamlMap> out = new ArrayList<>();
        if (items.isEmpty()) {
            return out;
        }
        if (items.get().isEmpty() && key.equals("hazards")) {
            root.problem(key, "lists no hazard");
        }
        for (YamlValue v : items.get()) {
            v.asMap().ifPresent(out::add);
        }
        return out;
    }

    private void readHeader(YamlMap h) {
        id = Ids.id(h, "id");
        title = h.string("title");
        h.optionalString("plan");
        h.optionalString("requirements");
        h.rejectUnknownKeys();
    }

    private void control(YamlMap c) {
        Optional<String> cid = Optional.ofNullable(ids.get(c));
        Optional<ControlKind> kind = c.string("kind").flatMap(k -> parse(c, "kind", k));
        Optional<String> description = c.string("description");
        List<YamlMap.Indexed<String>> reqs = c.strings("requirements", true);
        if (isEmptyList(c.raw("requirements"))) {
            c.problem(
                    "requirements",
                    "lists no requirement: a risk control is implemented by" + " at least one");
        }
        List<String> requirements = new ArrayList<>();
        for (YamlMap.Indexed<String> r : reqs) {
            if (requirements.contains(r.value())) {
                doc.problem(r.path(), Quote.value(r.value()) + " is listed twice");
            } else if (requirementIds.isPresent() && !requirementIds.get().contains(r.value())) {
                doc.problem(
                        r.path(),
                        Quote.value(r.value()) + " is not a requirement of the requirements file");
            }
            requirements.add(r.value());
        }
        Refs.Listed implementation = new Refs.Listed(List.of(), List.of());
        Refs.Listed effectiveness = implementation;
        Optional<YamlMap> v = c.optionalMap("verification");
        if (v.isPresent()) {
            implementation = Refs.verification(v.get(), "implementation");
            effectiveness = Refs.verification(v.get(), "effectiveness");
            v.get().rejectUnknownKeys();
        }
        List<YamlMap.Indexed<String>> intro = c.strings("introduces", false);
        introduced.addAll(intro);
        c.rejectUnknownKeys();
        if (cid.isPresent()
                && kind.isPresent()
                && description.isPresent()
                && !requirements.isEmpty()) {
            controls.add(
                    new RiskControl(
                            cid.get(),
                            kind.get(),
                            description.get(),
                            requirements.stream().distinct().toList(),
                            implementation.scenarios(),
                            effectiveness.scenarios(),
                            implementation.records(),
                            effectiveness.records(),
                            intro.stream().map(YamlMap.Indexed::value).toList()));
        }
    }

    private Optional<ControlKind> parse(YamlMap c, String key, String text) {
        try {
            return Optional.of(ControlKind.parse(text));
        } catch (IllegalArgumentException e) {
            c.problem(
                    key,
                    Show.notOneOf(
                            c.raw(key),
                            java.util.Arrays.stream(ControlKind.values())
                                    .map(ControlKind::key)
                                    .toList()));
            return Optional.empty();
        }
    }

    private void hazard(YamlMap h) {
        Optional<String> hid = Optional.ofNullable(ids.get(h));
        Optional<String> hazard = h.string("hazard");
        List<YamlMap.Indexed<String>> events = h.strings("sequence_of_events", true);
        if (isEmptyList(h.raw("sequence_of_events"))) {
            h.problem("sequence_of_events", "lists no event");
        }
        Optional<String> situation = h.string("hazardous_situation");
        Optional<String> harm = h.string("harm");
        Optional<RiskEstimate> initial = h.map("initial").flatMap(this::estimate);
        List<HazardControl> applied = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<YamlValue> items = h.list("controls", false).orElse(List.of());
        for (YamlValue v : items) {
            v.asMap().flatMap(c -> applied(c, initial, seen)).ifPresent(applied::add);
        }
        Optional<YamlMap> residualMap = h.map("residual");
        Optional<RiskEstimate> residual = residualMap.flatMap(this::estimate);
        Optional<String> rationale = h.optionalString("reduction_rationale");
        Optional<String> benefitRisk = h.optionalString("benefit_risk");
        h.rejectUnknownKeys();
        if (hid.isEmpty()
                || hazard.isEmpty()
                || events.isEmpty()
                || situation.isEmpty()
                || harm.isEmpty()
                || initial.isEmpty()
                || residual.isEmpty()
                || applied.size() != items.size()) {
            return;
        }
        Hazard x =
                new Hazard(
                        hid.get(),
                        hazard.get(),
                        events.stream().map(YamlMap.Indexed::value).toList(),
                        situation.get(),
                        harm.get(),
                        initial.get(),
                        applied,
                        residual.get(),
                        rationale,
                        benefitRisk);
        if (consistent(residualMap.get(), x)) {
            hazards.add(x);
        }
    }

    /** The stated residual risk must be what the controls' reductions give. */
    private boolean consistent(YamlMap at, Hazard h) {
        RiskEstimate computed = h.riskWithAllControls();
        boolean ok = true;
        for (Factor f : Factor.values()) {
            Level stated =
                    f == Factor.SEVERITY ? h.residual().severity() : h.residual().probability();
            Level expected = f == Factor.SEVERITY ? computed.severity() : computed.probability();
            if (!stated.equals(expected)) {
                at.problem(
                        f.key(),
                        Quote.value(stated.id())
                                + " does not follow from the controls: with every control"
                                + " effective the "
                                + f.key()
                                + " is "
                                + expected.id()
                                + " ("
                                + explain(h, f)
                                + ")");
                ok = false;
            }
        }
        return ok;
    }

    private static String explain(Hazard h, Factor f) {
        Level initial = f == Factor.SEVERITY ? h.initial().severity() : h.initial().probability();
        List<String> parts = new ArrayList<>();
        parts.add("initial " + initial.id());
        for (HazardControl c : h.controls()) {
            Optional<Level> to = f == Factor.SEVERITY ? c.severity() : c.probability();
            to.ifPresent(l -> parts.add(c.control() + " reduces it to " + l.id()));
        }
        if (parts.size() == 1) {
            parts.add("no control reduces it");
        }
        return String.join("; ", parts);
    }

    private Optional<HazardControl> applied(
            YamlMap c, Optional<RiskEstimate> initial, Set<String> seen) {
        Optional<String> control = c.string("control");
        if (control.isPresent()) {
            if (!controlPaths.containsKey(control.get())) {
                c.problem(
                        "control",
                        Quote.value(control.get())
                                + " is not a risk control of the register"
                                + (controlPaths.isEmpty()
                                        ? ""
                                        : " (" + String.join(", ", controlPaths.keySet()) + ")"));
                control = Optional.empty();
            } else if (!seen.add(control.get())) {
                c.problem(
                        "control", Quote.value(control.get()) + " is applied to this hazard twice");
                control = Optional.empty();
            } else {
                usedControls.add(control.get());
            }
        }
        Optional<Level> sev = Optional.empty();
        Optional<Level> prob = Optional.empty();
        boolean ok = true;
        Optional<YamlMap> reduces = c.optionalMap("reduces");
        if (c.has("reduces") && reduces.isEmpty()) {
            ok = false;
        }
        if (reduces.isPresent()) {
            YamlMap r = reduces.get();
            if (r.has("severity")) {
                sev = level(r, "severity", severity, probability);
                ok &= sev.isPresent();
                ok &= reduces(r, "severity", sev, initial.map(RiskEstimate::severity));
            }
            if (r.has("probability")) {
                prob = level(r, "probability", probability, severity);
                ok &= prob.isPresent();
                ok &= reduces(r, "probability", prob, initial.map(RiskEstimate::probability));
            }
            if (!r.has("severity") && !r.has("probability")) {
                c.problem(
                        "reduces",
                        "names neither severity nor probability (leave 'reduces' out"
                                + " for a control credited with no reduction)");
                ok = false;
            }
            r.rejectUnknownKeys();
        }
        c.rejectUnknownKeys();
        if (control.isEmpty() || !ok) {
            return Optional.empty();
        }
        return Optional.of(new HazardControl(control.get(), sev, prob));
    }

    private static boolean reduces(
            YamlMap r, String key, Optional<Level> to, Optional<Level> from) {
        if (to.isEmpty() || from.isEmpty()) {
            return true;
        }
        if (!from.get().isAbove(to.get())) {
            r.problem(
                    key,
                    Quote.value(to.get().id())
                            + " is no reduction of the initial "
                            + key
                            + " "
                            + from.get().id());
            return false;
        }
        return true;
    }

    private Optional<RiskEstimate> estimate(YamlMap m) {
        Optional<Level> s = level(m, "severity", severity, probability);
        Optional<Level> p = level(m, "probability", probability, severity);
        m.rejectUnknownKeys();
        return s.isPresent() && p.isPresent()
                ? Optional.of(new RiskEstimate(s.get(), p.get()))
                : Optional.empty();
    }

    /**
     * Returns the level {@code key} of {@code m} on {@code scale}; when the plan's scale is not
     * usable, the level is not checked (the plan's own problems say why) and empty is returned.
     */
    private static boolean isEmptyList(com.fasterxml.jackson.databind.JsonNode v) {
        return v != null && v.isArray() && v.isEmpty();
    }

    private static Optional<Level> level(
            YamlMap m, String key, Optional<Scale> scale, Optional<Scale> other) {
        Optional<String> id = m.string(key);
        if (id.isEmpty() || scale.isEmpty()) {
            return Optional.empty();
        }
        Optional<Level> l = scale.get().find(id.get());
        if (l.isPresent()) {
            return l;
        }
        boolean swapped = other.isPresent() && other.get().find(id.get()).isPresent();
        m.problem(
                key,
                Quote.value(id.get())
                        + " is "
                        + (swapped ? "a " + other.get().factor().key() + " level, not " : "not ")
                        + "a "
                        + key
                        + " level of the plan ("
                        + scale.get().ids()
                        + ")");
        return Optional.empty();
    }
}
