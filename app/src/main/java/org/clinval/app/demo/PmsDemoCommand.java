package org.clinval.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Logs;
import org.clinval.app.cli.Progress;
import org.clinval.app.cli.UserError;
import org.clinval.app.pms.PmsHooks;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.reports.risk.RiskReports;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.io.RiskFileReader;
import org.clinval.risk.postproduction.InvestigationsReader;
import org.clinval.risk.postproduction.PostProductionInformation;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.RunFolder;
import org.clinval.risk.trace.TraceabilityMatrix;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.baseline.BaselineLoader;
import org.clinval.surveillance.demo.DemoEventGenerator;
import org.clinval.surveillance.demo.DemoSummary;
import org.clinval.surveillance.job.Ledger;
import org.clinval.surveillance.job.Reconciliation;
import org.clinval.surveillance.job.Sources;
import org.clinval.surveillance.job.SurveillanceRun;
import org.clinval.surveillance.kafka.EmbeddedKafka;
import org.clinval.surveillance.kafka.EventPublisher;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.surveillance.plan.MonitoringPlanReader;
import org.clinval.validation.cusum.BinomialScore;
import org.clinval.validation.cusum.CusumRunLength;
import org.clinval.workflows.investigation.AlarmInput;
import org.clinval.workflows.investigation.AlarmsFile;
import org.clinval.workflows.investigation.Investigation;
import org.clinval.workflows.investigation.InvestigationTask;
import org.clinval.workflows.investigation.PostMarketInvestigations;
import org.clinval.workflows.signature.Meaning;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval pms demo}: post-market surveillance of the demo device, end to end. The validated
 * baseline is the demo validation study (run first, or given with {@code --baseline}); six
 * simulated months of real-world cases from sites A, B and C are scored by the real model on
 * phantom images (site B's scanner changes on 2026-04-01); the events are replayed through an
 * in-process Kafka broker into the surveillance job; its alarms open investigations (triage and
 * root cause signed by the demo analyst, the decision left to the QA lead); the PMS report and the
 * risk report with the post-production information are written.
 */
@Command(
        name = "demo",
        description =
                "Run post-market surveillance of the demo device end to end: the validated demo"
                        + " study as baseline, six months of simulated cases from three sites"
                        + " through the real model (site B's scanner changes in April), replayed"
                        + " through an in-process Kafka broker into the surveillance job, alarms,"
                        + " investigations, the PMS report and the risk report. Prints where"
                        + " everything is.")
public final class PmsDemoCommand implements Callable<Integer> {

    /** The demo's surveillance analyst, who signs triage and root cause. */
    static final String ANALYST = DemoSite.ANALYST;

    private static final LocalDate CHANGE = LocalDate.of(2026, 4, 1);

    @Option(
            names = "--out",
            defaultValue = "clinval-pms-demo",
            description =
                    "Folder of the demo (default: ${DEFAULT-VALUE}); a previous demo is replaced.")
    Path out;

    @Option(
            names = "--cases-per-day",
            defaultValue = "3",
            description = "Mean cases per site and day (default: ${DEFAULT-VALUE}).")
    double casesPerDay;

    @Option(
            names = "--site",
            paramLabel = "DIR",
            description =
                    "The demo site: keystore and demo users, shared with clinval demo and clinval"
                            + " serve; created if missing (default: "
                            + DemoSite.FOLDER
                            + " beside --out).")
    Path siteDir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private DemoSite site() throws java.io.IOException {
        return siteDir != null ? DemoSite.openOrCreate(siteDir) : DemoSite.beside(out);
    }

    @Override
    public Integer call() throws Exception {
        if (!(casesPerDay >= 1 && casesPerDay <= 20)) {
            throw new UserError("--cases-per-day " + casesPerDay + " is not between 1 and 20");
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Path root = out.toAbsolutePath();

        err.println("clinval pms demo: [1/6] the validated baseline: the demo validation study");
        err.flush();
        Path study = root.resolve("study");
        StringWriter studyOut = new StringWriter();
        CommandLine demo = new CommandLine(new DemoCommand());
        demo.setOut(new PrintWriter(studyOut));
        demo.setErr(err);
        int code = demo.execute("--out", study.toString(), "--site", site().dir().toString());
        if (code != 0)
            throw new UserError("the demo validation study did not finish (exit " + code + ")");
        JsonNode studyJson = new ObjectMapper().readTree(studyOut.toString());
        Path run = Path.of(studyJson.path("run").asText());
        Path pms = root.resolve("surveillance");
        Files.createDirectories(pms);
        Logs.toFile(pms);

        DemoSite site = site();
        site.addAnalyst();
        SiteKey key = site.key();
        Path users = site.users();

        DemoEventGenerator.Settings settings =
                DemoEventGenerator.Settings.defaults().withCasesPerDay(casesPerDay);
        err.println(
                "clinval pms demo: [2/6] scoring six months of cases from sites A, B, C with the"
                        + " real model (site B's scanner changes on "
                        + CHANGE
                        + ")");
        err.flush();
        Path events = pms.resolve("events");
        DemoSummary summary;
        Progress[] progress = new Progress[1];
        try {
            summary =
                    new DemoEventGenerator(settings)
                            .generate(
                                    events,
                                    (done, total) -> {
                                        synchronized (progress) {
                                            if (progress[0] == null) {
                                                progress[0] = new Progress("cases", total, err);
                                            }
                                            progress[0].update(done);
                                        }
                                    });
        } finally {
            if (progress[0] != null) progress[0].close();
        }

        err.println(
                "clinval pms demo: [3/6] replaying "
                        + (summary.predictions()
                                + summary.groundTruths()
                                + summary.readerDecisions())
                        + " events through an in-process Kafka broker into the surveillance job"
                        + " (Flink)");
        err.flush();
        MonitoringPlan plan = MonitoringPlanReader.parse(Path.of("demo-plan.yaml"), PLAN);
        Baseline baseline = BaselineLoader.load(run);
        Reconciliation reconciliation;
        long published;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(root.resolve("kafka"))) {
            kafka.createTopic(EventPublisher.EVENTS_TOPIC, 2);
            try (EventPublisher publisher = new EventPublisher(kafka.bootstrapServers())) {
                published = publisher.publishFolder(events, EventPublisher.EVENTS_TOPIC);
            }
            reconciliation =
                    new SurveillanceRun(plan, baseline, pms)
                            .run(
                                    new Sources.Kafka(
                                            kafka.bootstrapServers(),
                                            EventPublisher.EVENTS_TOPIC,
                                            "clinval-pms-demo",
                                            true),
                                    2,
                                    null);
        }
        if (reconciliation.eventsIn() != published) {
            throw new IllegalStateException(
                    "the job accounted for "
                            + reconciliation.eventsIn()
                            + " events of the "
                            + published
                            + " published");
        }

        List<AlarmInput> alarms = AlarmsFile.read(pms.resolve(AlarmsFile.FILE));
        ObjectNode detection = detection(pms, alarms);
        for (String line : detectionLines(detection)) err.println("clinval pms demo:   " + line);

        err.println("clinval pms demo: [4/6] opening investigations from the alarms");
        err.flush();
        java.util.TreeMap<String, Integer> opened = new java.util.TreeMap<>();
        try (PostMarketInvestigations inv =
                PostMarketInvestigations.in(pms, users, key, PmsHooks.revalidation(pms))) {
            for (AlarmInput a : alarms)
                inv.open(a).ifPresent(id -> opened.merge(id, 1, Integer::sum));
            Optional<Investigation> siteB =
                    inv.investigations().stream()
                            .filter(
                                    i ->
                                            i.stratum().equals("site=B")
                                                    && i.kind().equals("cusum")
                                                    && i.metric().equals("specificity"))
                            .findFirst();
            if (siteB.isPresent()) {
                sign(inv, siteB.get(), err);
            }
        }

        err.println("clinval pms demo: [5/6] the periodic PMS report and workbook");
        err.flush();
        Path[] report = org.clinval.app.pms.PmsReports.write(pms);

        err.println(
                "clinval pms demo: [6/6] the ISO 14971 risk report with the post-production"
                        + " information");
        err.flush();
        RiskManagementFile file =
                RiskFileReader.read(study.resolve("risk").resolve("risk-file.yaml"));
        Optional<ResultsSource> results = Optional.of(RunFolder.open(run));
        PostProductionInformation post = InvestigationsReader.read(pms);
        RiskCheckReport check = RiskCheck.check(file, results, post);
        RiskReports.Written risk =
                RiskReports.write(
                        file,
                        check,
                        TraceabilityMatrix.of(check, results),
                        List.of(),
                        root.resolve("risk-report"));

        ObjectNode o = Json.object();
        o.put("baseline_run", run.toString());
        o.put("surveillance", pms.toString());
        o.put("events", events.toString());
        o.put("cases", summary.cases());
        o.put("events_in", reconciliation.eventsIn());
        o.put("used", reconciliation.total(Ledger.Group.USED));
        o.put("dead_lettered", reconciliation.total(Ledger.Group.DEAD_LETTERED));
        o.put("waiting", reconciliation.total(Ledger.Group.WAITING));
        o.set("detection", detection);
        o.put("alarms", alarms.size());
        ObjectNode byInvestigation = o.putObject("alarms_per_investigation");
        opened.forEach(byInvestigation::put);
        o.put("pms_report", report[0].toString());
        o.put("pms_workbook", report[1].toString());
        o.put("risk_report", risk.pdf().toString());
        o.put(
                "under_investigation",
                String.join(
                        ", ",
                        post.open().stream()
                                .flatMap(i -> i.riskControls().stream())
                                .distinct()
                                .toList()));
        o.put(
                "next",
                "clinval pms investigation list --out "
                        + pms
                        + " --users "
                        + users
                        + " --keystore "
                        + site.keystore());
        o.put("demo_site", site.dir().toString());
        o.put(
                "browser",
                "clinval serve --home "
                        + root.getParent()
                        + " (then http://127.0.0.1:8080/, user "
                        + ANALYST
                        + " or "
                        + DemoStudy.LEAD
                        + ", password "
                        + DemoStudy.PASSWORD
                        + "; it uses the demo site "
                        + site.dir()
                        + ")");
        o.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
        spec.commandLine().getOut().println(Json.write(o));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * For each site, the first CUSUM alarm after the scanner change and the delay the design
     * predicts (its ARL1, in days with an observation).
     */
    private static ObjectNode detection(Path pms, List<AlarmInput> alarms) throws Exception {
        JsonNode designs = new ObjectMapper().readTree(pms.resolve("cusum-design.json").toFile());
        List<String[]> rows = new java.util.ArrayList<>();
        for (String line :
                Files.readAllLines(pms.resolve("cusum.csv"))
                        .subList(1, Files.readAllLines(pms.resolve("cusum.csv")).size())) {
            rows.add(line.split(","));
        }
        ObjectNode d = Json.object();
        d.put("scanner_change", CHANGE.toString());
        for (JsonNode c : designs) {
            String metric = c.path("metric").asText();
            ObjectNode m = d.putObject(metric);
            double k = c.path("k").asDouble();
            double h = c.path("h").asDouble();
            m.put("design_arl0_days", c.path("arl0").asDouble());
            m.put("design_arl1_days", c.path("arl1").asDouble());
            m.put("design_shift_sigma", c.path("shift_sigma").asDouble());
            for (String site : List.of("A", "B", "C")) {
                ObjectNode s = m.putObject("site_" + site);
                long alarmsHere =
                        alarms.stream()
                                .filter(
                                        a ->
                                                a.kind().equals("cusum")
                                                        && a.metric().equals(metric)
                                                        && a.stratum().equals("site=" + site))
                                .count();
                s.put("alarms", alarmsHere);
                // The chart's days after the change: the mean score (the shift that happened), the
                // design's expected run length for that shift, and the run length observed.
                double sum = 0;
                int days = 0;
                int toAlarm = -1;
                String first = null;
                for (String[] r : rows) {
                    if (!r[1].equals("site=" + site) || !r[2].equals(metric)) continue;
                    if (LocalDate.parse(r[0]).isBefore(CHANGE) || r[3].isEmpty()) continue;
                    long n = Long.parseLong(r[4]);
                    double x = Double.parseDouble(r[3]);
                    double mu0 = Double.parseDouble(r[5]);
                    double z =
                            metric.equals("mean_score")
                                    ? (x - mu0) / Double.parseDouble(r[6])
                                    : BinomialScore.midP(Math.round(x * n), n, mu0);
                    sum += z;
                    days++;
                    if (first == null && !r[11].equals("none")) {
                        first = r[0];
                        toAlarm = days;
                    }
                }
                if (days == 0) continue;
                double shift = sum / days;
                s.put("observed_shift_sigma", shift);
                // The run length is skewed: the design's median and 90th percentile say how late
                // an alarm may come and still be what the design expects for this shift.
                CusumRunLength rl = CusumRunLength.of(k, h, shift);
                s.put("design_arl_at_observed_shift_days", rl.arl());
                s.put("design_median_delay_at_observed_shift_days", rl.median());
                s.put("design_p90_delay_at_observed_shift_days", rl.p90());
                if (first != null) {
                    s.put("first_alarm_after_change", first);
                    s.put(
                            "days_after_change",
                            ChronoUnit.DAYS.between(CHANGE, LocalDate.parse(first)));
                    s.put("observation_days_to_alarm", toAlarm);
                    s.put("within_design_delay", toAlarm <= rl.p90());
                }
            }
        }
        return d;
    }

    /** What the charts found at each site, in words, from {@link #detection}. */
    static List<String> detectionLines(ObjectNode detection) {
        List<String> lines = new java.util.ArrayList<>();
        String change = detection.path("scanner_change").asText();
        for (var metric : (Iterable<Map.Entry<String, JsonNode>>) detection::fields) {
            if (!metric.getValue().isObject()) continue;
            for (String site : List.of("A", "B", "C")) {
                JsonNode s = metric.getValue().path("site_" + site);
                if (s.isMissingNode()) continue;
                String name = metric.getKey().replace('_', ' ') + " at site " + site + ": ";
                if (!s.has("first_alarm_after_change")) {
                    lines.add(name + "no CUSUM alarm after " + change);
                    continue;
                }
                lines.add(
                        String.format(
                                java.util.Locale.ROOT,
                                "%sCUSUM alarm on %s, the %d%s day with data after the change on"
                                        + " %s; for the shift that happened (%+.2f \u03c3) the"
                                        + " design expects %.1f days on average (median %d, 90%%"
                                        + " within %d)",
                                name,
                                s.path("first_alarm_after_change").asText(),
                                s.path("observation_days_to_alarm").asInt(),
                                ordinal(s.path("observation_days_to_alarm").asInt()),
                                change,
                                s.path("observed_shift_sigma").asDouble(),
                                s.path("design_arl_at_observed_shift_days").asDouble(),
                                s.path("design_median_delay_at_observed_shift_days").asLong(),
                                s.path("design_p90_delay_at_observed_shift_days").asLong()));
            }
        }
        return lines;
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) return "th";
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** Signs the triage and root cause of site B's investigation as the demo analyst. */
    private static void sign(PostMarketInvestigations inv, Investigation i, PrintWriter err)
            throws Exception {
        for (String step : List.of("Triage", "RootCauseAnalysis")) {
            InvestigationTask t =
                    inv.tasks().stream()
                            .filter(
                                    x ->
                                            x.investigationId().equals(i.investigationId())
                                                    && x.key().equals(step))
                            .findFirst()
                            .orElseThrow();
            Map<String, String> values =
                    step.equals("Triage")
                            ? Map.of(
                                    "priority",
                                    "high",
                                    "notes",
                                    "Specificity at site B below its validated level since April;"
                                            + " drift flags on kernel and kVp at the same site.")
                            : Map.of(
                                    "findings",
                                    "Site B replaced its CT scanner on 2026-04-01 (soft kernel,"
                                            + " 100 kVp, 1.25 mm): acquisitions outside the"
                                            + " validated conditions; false positives on blurred"
                                            + " vessels.");
            inv.complete(
                    t.id(), ANALYST, DemoStudy.PASSWORD.toCharArray(), Meaning.AUTHORED, values);
            err.println(
                    "clinval pms demo:   "
                            + i.investigationId()
                            + " "
                            + t.name()
                            + ": signed by "
                            + ANALYST
                            + " (authored)");
        }
        err.println(
                "clinval pms demo:   "
                        + i.investigationId()
                        + " Decision: waiting for the QA lead (clinval pms investigation complete)");
    }

    /** The demo's monitoring plan. */
    static final String PLAN =
            """
            plan: {id: PMS-DEMO-001, title: Post-market monitoring plan - demo nodule classifier, version: "1.0"}
            window: week
            goal_window: month
            horizon_days: 90
            allowed_lateness_hours: 24
            strata: [site, manufacturer, model_version]
            min_cases_per_class: 10
            min_cases_for_goal: 30
            drift: {window: month, min_cases: 30, psi_min_cases: 100, psi_watch: 0.1, psi_drift: 0.2, alpha: 0.001, js_watch: 0.05}
            cusum:
              - {metric: positive_rate, strata: [all, site], arl0: 365, shift_sigma: 1}
              - {metric: specificity, strata: [all, site], arl0: 365, shift_sigma: 1}
            """;
}
