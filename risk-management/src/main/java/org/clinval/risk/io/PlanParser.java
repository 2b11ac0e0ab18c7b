package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.risk.Acceptability;
import org.clinval.risk.AcceptabilityMatrix;
import org.clinval.risk.Factor;
import org.clinval.risk.Level;
import org.clinval.risk.OverallCriteria;
import org.clinval.risk.RiskManagementPlan;
import org.clinval.risk.Scale;

/**
 * Reads the risk management plan. The scales are kept even when another part of the plan is bad, so
 * that the register's levels can still be checked in the same pass.
 */
final class PlanParser {

    private final YamlDocument doc;
    Optional<Scale> severity = Optional.empty();
    Optional<Scale> probability = Optional.empty();
    Optional<RiskManagementPlan> plan = Optional.empty();

    private PlanParser(YamlDocument doc) {
        this.doc = doc;
    }

    static PlanParser parse(YamlMap root) {
        PlanParser p = new PlanParser(root.doc());
        p.plan(root);
        return p;
    }

    private void plan(YamlMap root) {
        Optional<YamlMap> header = root.map("plan");
        Optional<String> id = Optional.empty();
        Optional<String> title = Optional.empty();
        Optional<String> version = Optional.empty();
        if (header.isPresent()) {
            YamlMap h = header.get();
            id = Ids.id(h, "id");
            title = h.string("title");
            version = h.optionalString("version");
            h.rejectUnknownKeys();
        }
        severity = scale(root, Factor.SEVERITY);
        probability = scale(root, Factor.PROBABILITY);
        distinct();
        Optional<YamlMap> acc = root.map("acceptability");
        Optional<Map<Acceptability, String>> definitions = acc.flatMap(this::definitions);
        Optional<List<List<Acceptability>>> cells = acc.flatMap(this::matrix);
        acc.ifPresent(YamlMap::rejectUnknownKeys);
        Optional<OverallCriteria> overall =
                root.map("overall_residual_risk").flatMap(this::overall);
        root.rejectUnknownKeys();
        if (id.isPresent()
                && title.isPresent()
                && severity.isPresent()
                && probability.isPresent()
                && definitions.isPresent()
                && cells.isPresent()
                && overall.isPresent()) {
            plan =
                    Optional.of(
                            new RiskManagementPlan(
                                    id.get(),
                                    title.get(),
                                    version,
                                    severity.get(),
                                    probability.get(),
                                    definitions.get(),
                                    new AcceptabilityMatrix(
                                            severity.get(), probability.get(), cells.get()),
                                    overall.get()));
        }
    }

    /**
     * Returns the scale, or empty when any of its levels is bad: the register's levels are then not
     * checked against it, rather than reported against a scale that is known to be wrong.
     */
    private Optional<Scale> scale(YamlMap root, Factor factor) {
        String key = factor.key();
        Optional<List<YamlValue>> items = root.list(key, true);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        if (items.get().size() < 2) {
            root.problem(
                    key,
                    "needs at least two levels, from the least to the most " + adjective(factor));
            ok = false;
        }
        List<Level> levels = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (YamlValue item : items.get()) {
            Optional<YamlMap> entry = item.asMap();
            if (entry.isEmpty()) {
                ok = false;
                continue;
            }
            YamlMap e = entry.get();
            Optional<String> id = Ids.id(e, "id");
            Optional<String> name = e.string("name");
            Optional<String> description = e.string("description");
            e.rejectUnknownKeys();
            if (id.isPresent() && !ids.add(id.get())) {
                e.problem("id", Quote.value(id.get()) + " is a " + key + " level already");
                ok = false;
            }
            if (name.isPresent() && !names.add(name.get())) {
                e.problem(
                        "name",
                        Quote.value(name.get()) + " names another " + key + " level already");
                ok = false;
            }
            if (id.isEmpty() || name.isEmpty() || description.isEmpty()) {
                ok = false;
                continue;
            }
            levels.add(
                    new Level(factor, id.get(), levels.size() + 1, name.get(), description.get()));
        }
        return ok ? Optional.of(new Scale(factor, levels)) : Optional.empty();
    }

    private static String adjective(Factor factor) {
        return factor == Factor.SEVERITY ? "severe" : "probable";
    }

    /** A level id used on both scales would let a swapped severity and probability pass. */
    private void distinct() {
        if (severity.isEmpty() || probability.isEmpty()) {
            return;
        }
        for (Level p : probability.get().levels()) {
            if (severity.get().find(p.id()).isPresent()) {
                doc.problem(
                        "probability[" + (p.rank() - 1) + "].id",
                        Quote.value(p.id())
                                + " is a severity level too; the scales need distinct ids");
            }
        }
    }

    private Optional<Map<Acceptability, String>> definitions(YamlMap acc) {
        Optional<YamlMap> d = acc.map("definitions");
        if (d.isEmpty()) {
            return Optional.empty();
        }
        Map<Acceptability, String> out = new EnumMap<>(Acceptability.class);
        for (Acceptability a : Acceptability.values()) {
            d.get().string(a.key()).ifPresent(s -> out.put(a, s));
        }
        d.get().rejectUnknownKeys();
        return out.size() == Acceptability.values().length ? Optional.of(out) : Optional.empty();
    }

    private Optional<List<List<Acceptability>>> matrix(YamlMap acc) {
        Optional<YamlMap> m = acc.map("matrix");
        if (m.isEmpty() || severity.isEmpty() || probability.isEmpty()) {
            return Optional.empty();
        }
        Scale s = severity.get();
        Scale p = probability.get();
        boolean ok = true;
        Map<String, List<Acceptability>> rows = new HashMap<>();
        for (Level level : s.levels()) {
            Optional<List<YamlValue>> row = m.get().list(level.id(), true);
            if (row.isEmpty()) {
                ok = false;
                continue;
            }
            String path = m.get().path(level.id());
            if (row.get().size() != p.size()) {
                doc.problem(
                        path,
                        "has "
                                + row.get().size()
                                + " cells; it needs one per probability level ("
                                + p.ids()
                                + ")");
                ok = false;
            }
            List<Acceptability> cells = new ArrayList<>();
            for (YamlValue cell : row.get()) {
                Optional<String> t = cell.text();
                if (t.isEmpty()) {
                    ok = false;
                    continue;
                }
                try {
                    cells.add(Acceptability.parse(t.get()));
                } catch (IllegalArgumentException e) {
                    cell.problem(
                            Show.notOneOf(
                                    cell.node(),
                                    Arrays.stream(Acceptability.values())
                                            .map(Acceptability::key)
                                            .toList()));
                    ok = false;
                }
            }
            rows.put(level.id(), cells);
        }
        for (String key : m.get().keys()) {
            if (s.find(key).isEmpty()) {
                m.get().raw(key);
                m.get().problem(key, "is not a severity level (" + s.ids() + ")");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        List<List<Acceptability>> cells = s.levels().stream().map(l -> rows.get(l.id())).toList();
        return monotone(m.get(), cells) ? Optional.of(cells) : Optional.empty();
    }

    private boolean monotone(YamlMap m, List<List<Acceptability>> cells) {
        Scale s = severity.orElseThrow();
        Scale p = probability.orElseThrow();
        boolean ok = true;
        for (int i = 0; i < cells.size(); i++) {
            for (int j = 0; j < cells.get(i).size(); j++) {
                Acceptability a = cells.get(i).get(j);
                String here = m.path(s.levels().get(i).id()) + "[" + j + "]";
                if (j > 0 && cells.get(i).get(j - 1).isWorseThan(a)) {
                    doc.problem(
                            here,
                            Quote.value(a.key())
                                    + " is more acceptable than the less probable "
                                    + s.levels().get(i).id()
                                    + "/"
                                    + p.levels().get(j - 1).id()
                                    + " ('"
                                    + cells.get(i).get(j - 1).key()
                                    + "')");
                    ok = false;
                } else if (i > 0 && cells.get(i - 1).get(j).isWorseThan(a)) {
                    doc.problem(
                            here,
                            Quote.value(a.key())
                                    + " is more acceptable than the less severe "
                                    + s.levels().get(i - 1).id()
                                    + "/"
                                    + p.levels().get(j).id()
                                    + " ('"
                                    + cells.get(i - 1).get(j).key()
                                    + "')");
                    ok = false;
                }
            }
        }
        return ok;
    }

    private Optional<OverallCriteria> overall(YamlMap o) {
        Optional<String> method = o.string("method");
        Optional<Long> max = o.integer("max_investigate");
        if (max.isPresent() && max.get() < 0) {
            o.problem("max_investigate", max.get() + " is negative");
            max = Optional.empty();
        }
        Optional<Boolean> benefit = o.bool("accept_unacceptable_with_benefit_risk");
        o.rejectUnknownKeys();
        if (method.isEmpty() || max.isEmpty() || benefit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new OverallCriteria(
                        method.get(), (int) Math.min(Integer.MAX_VALUE, max.get()), benefit.get()));
    }
}
