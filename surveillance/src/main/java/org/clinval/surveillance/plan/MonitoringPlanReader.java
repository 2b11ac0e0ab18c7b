package org.clinval.surveillance.plan;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlProblem;
import org.clinval.common.yaml.YamlSchema;
import org.clinval.common.yaml.YamlValue;

/** Reads a monitoring plan against its published JSON Schema, naming every problem by line. */
public final class MonitoringPlanReader {

    /** The class-path name of the plan's JSON Schema, also published in docs/schemas. */
    public static final String SCHEMA = "/org/clinval/surveillance/pms-plan.schema.json";

    private static final YamlSchema PLAN = YamlSchema.load(MonitoringPlanReader.class, SCHEMA);

    private MonitoringPlanReader() {}

    /** A plan that could not be read, with every problem. */
    public static final class InvalidPlanException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<YamlProblem> problems;

        InvalidPlanException(Path file, List<YamlProblem> problems) {
            super(message(file, problems));
            this.problems = List.copyOf(problems);
        }

        public List<YamlProblem> problems() {
            return problems;
        }

        private static String message(Path file, List<YamlProblem> problems) {
            StringBuilder b = new StringBuilder(file + ": the monitoring plan has problems:");
            for (YamlProblem p : problems) b.append("\n  ").append(p);
            return b.toString();
        }
    }

    /** Reads {@code file}. */
    public static MonitoringPlan read(Path file) throws IOException, InvalidPlanException {
        YamlDocument doc;
        try {
            doc = YamlDocument.read(file, String.valueOf(file.getFileName()));
        } catch (NoSuchFileException e) {
            throw new InvalidPlanException(
                    file, List.of(new YamlProblem(String.valueOf(file), 0, 0, "", "no such file")));
        }
        return parse(file, doc);
    }

    /** Reads plan {@code text}; {@code file} names it in messages. */
    public static MonitoringPlan parse(Path file, String text) throws InvalidPlanException {
        return parse(file, YamlDocument.parse(text, String.valueOf(file.getFileName())));
    }

    private static MonitoringPlan parse(Path file, YamlDocument doc) throws InvalidPlanException {
        PLAN.check(doc);
        Optional<YamlMap> root = doc.rootMap();
        if (doc.hasProblems() || root.isEmpty()) {
            throw new InvalidPlanException(file, doc.problems());
        }
        YamlMap m = root.get();
        YamlMap plan = m.map("plan").orElseThrow();
        MonitoringPlan.Window window = window(m.string("window").orElse("week"));
        MonitoringPlan.Window goal = window(m.optionalString("goal_window").orElse("month"));
        int horizon = optInt(m, "horizon_days", 90);
        int lateness = optInt(m, "allowed_lateness_hours", 24);
        double level = m.optionalNumber("level").orElse(0.95);
        List<String> strata =
                m.has("strata")
                        ? values(m, "strata")
                        : List.of("site", "manufacturer", "model_version");
        int minClass = optInt(m, "min_cases_per_class", 10);
        int minGoal = optInt(m, "min_cases_for_goal", 30);
        MonitoringPlan.Drift drift = drift(m.optionalMap("drift"), window);
        List<MonitoringPlan.Chart> charts = new ArrayList<>();
        m.list("cusum", false)
                .ifPresent(
                        list -> {
                            for (YamlValue v : list) {
                                YamlMap c = v.asMap().orElseThrow();
                                charts.add(
                                        new MonitoringPlan.Chart(
                                                c.string("metric").orElseThrow(),
                                                c.has("strata")
                                                        ? values(c, "strata")
                                                        : List.of("all", "site"),
                                                c.optionalNumber("arl0").orElse(365),
                                                c.optionalNumber("shift_sigma").orElse(1.0)));
                            }
                        });
        if (drift.psiDrift() < drift.psiWatch()) {
            doc.problem("drift.psi_drift", "is below drift.psi_watch");
        }
        if (doc.hasProblems()) throw new InvalidPlanException(file, doc.problems());
        return new MonitoringPlan(
                plan.string("id").orElseThrow(),
                plan.string("title").orElseThrow(),
                plan.optionalString("version").orElse(""),
                window,
                goal,
                horizon,
                lateness,
                level,
                strata,
                minClass,
                minGoal,
                drift,
                charts);
    }

    private static MonitoringPlan.Drift drift(Optional<YamlMap> d, MonitoringPlan.Window window) {
        List<String> all = new ArrayList<>(MonitoringPlan.NUMERIC);
        all.addAll(MonitoringPlan.CATEGORICAL);
        if (d.isEmpty()) {
            return new MonitoringPlan.Drift(30, 0.1, 0.2, 0.001, 0.05, all, window, 100);
        }
        YamlMap m = d.get();
        return new MonitoringPlan.Drift(
                optInt(m, "min_cases", 30),
                m.optionalNumber("psi_watch").orElse(0.1),
                m.optionalNumber("psi_drift").orElse(0.2),
                m.optionalNumber("alpha").orElse(0.001),
                m.optionalNumber("js_watch").orElse(0.05),
                m.has("variables") ? values(m, "variables") : all,
                m.optionalString("window").map(MonitoringPlanReader::window).orElse(window),
                optInt(m, "psi_min_cases", 100));
    }

    private static int optInt(YamlMap m, String key, int otherwise) {
        return m.optional(key).flatMap(YamlValue::integer).map(Long::intValue).orElse(otherwise);
    }

    private static List<String> values(YamlMap m, String key) {
        return m.strings(key, true).stream().map(YamlMap.Indexed::value).toList();
    }

    private static MonitoringPlan.Window window(String s) {
        return MonitoringPlan.Window.valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** Returns the plan as YAML with every default written out: the plan that was applied. */
    public static String toYaml(MonitoringPlan p) {
        StringBuilder b = new StringBuilder();
        b.append("plan:\n  id: ").append(q(p.id())).append("\n  title: ").append(q(p.title()));
        if (!p.version().isEmpty()) b.append("\n  version: ").append(q(p.version()));
        b.append("\nwindow: ").append(p.window().wire());
        b.append("\ngoal_window: ").append(p.goalWindow().wire());
        b.append("\nhorizon_days: ").append(p.horizonDays());
        b.append("\nallowed_lateness_hours: ").append(p.allowedLatenessHours());
        b.append("\nlevel: ").append(p.level());
        b.append("\nstrata: ").append(list(p.strata()));
        b.append("\nmin_cases_per_class: ").append(p.minCasesPerClass());
        b.append("\nmin_cases_for_goal: ").append(p.minCasesForGoal());
        MonitoringPlan.Drift d = p.drift();
        b.append("\ndrift:\n  min_cases: ").append(d.minCases());
        b.append("\n  psi_watch: ").append(d.psiWatch());
        b.append("\n  psi_drift: ").append(d.psiDrift());
        b.append("\n  alpha: ").append(d.alpha());
        b.append("\n  js_watch: ").append(d.jsWatch());
        b.append("\n  variables: ").append(list(d.variables()));
        b.append("\n  window: ").append(d.window().wire());
        b.append("\n  psi_min_cases: ").append(d.psiMinCases());
        b.append("\ncusum:");
        if (p.cusum().isEmpty()) b.append(" []");
        for (MonitoringPlan.Chart c : p.cusum()) {
            b.append("\n  - metric: ").append(c.metric());
            b.append("\n    strata: ").append(list(c.strata()));
            b.append("\n    arl0: ").append(c.arl0());
            b.append("\n    shift_sigma: ").append(c.shiftSigma());
        }
        return b.append('\n').toString();
    }

    private static String list(List<String> l) {
        return "[" + String.join(", ", l) + "]";
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
