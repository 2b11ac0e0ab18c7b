package org.clinval.surveillance.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.kafka.EmbeddedKafka;
import org.clinval.surveillance.kafka.EventPublisher;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.surveillance.plan.MonitoringPlanReader;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surveillance job on the in-process MiniCluster over a folder of events with known answers:
 * every window equals the validation module's batch computation over the same window's joined
 * cases, every event is accounted for, and a task failure mid-stream changes no output.
 */
class SurveillanceJobTest {

    static final String PLAN =
            """
            plan: {id: PMS-TEST, title: test plan}
            window: week
            goal_window: month
            horizon_days: 30
            allowed_lateness_hours: 24
            drift: {min_cases: 30}
            cusum:
              - {metric: specificity, strata: [all, site], arl0: 365, shift_sigma: 1}
              - {metric: mean_score, strata: [all], arl0: 365, shift_sigma: 1}
            """;

    @TempDir static Path dir;
    static TestStream stream;
    static Baseline baseline;
    static MonitoringPlan plan;
    static Path out;
    static Reconciliation reconciliation;

    @BeforeAll
    static void run() throws Exception {
        stream = TestStream.generate(20261205);
        stream.write(dir.resolve("events"));
        baseline = TestStream.baseline(7);
        plan = MonitoringPlanReader.parse(Path.of("plan.yaml"), PLAN);
        out = dir.resolve("out");
        reconciliation =
                new SurveillanceRun(plan, baseline, out)
                        .run(new Sources.Folder(dir.resolve("events"), true), 2, null);
    }

    @Test
    void everyEventIsAccountedForOnce() throws Exception {
        long lines = stream.lines.stream().filter(l -> !l[1].isBlank()).count();
        assertThat(reconciliation.linesRead()).isEqualTo(lines);
        assertThat(reconciliation.eventsIn())
                .as(reconciliation.counts().toString())
                .isEqualTo(lines);
        assertThat(reconciliation.count(Ledger.Fate.MALFORMED)).isEqualTo(stream.malformed);
        assertThat(reconciliation.count(Ledger.Fate.DUPLICATE)).isEqualTo(stream.duplicates);
        assertThat(reconciliation.count(Ledger.Fate.LATE)).isEqualTo(stream.late);
        assertThat(reconciliation.count(Ledger.Fate.TRUTH_WITHOUT_PREDICTION))
                .isEqualTo(stream.truthWithoutPrediction);
        assertThat(reconciliation.count(Ledger.Fate.TRUTH_PAST_HORIZON))
                .isEqualTo(stream.pastHorizon);
        long joins = stream.cases.stream().filter(TestStream.Case::joins).count();
        assertThat(reconciliation.count(Ledger.Fate.TRUTH_JOINED)).isEqualTo(joins);
        assertThat(reconciliation.count(Ledger.Fate.READER_USED)).isEqualTo(stream.readers);
        JsonNode r = new ObjectMapper().readTree(out.resolve("reconciliation.json").toFile());
        assertThat(r.path("reconciles").asBoolean()).isTrue();
        // Every dead letter says why, and the joined file holds every join once.
        List<String> dead = Files.readAllLines(out.resolve("dead-letter.jsonl"));
        assertThat(dead).hasSize((int) reconciliation.total(Ledger.Group.DEAD_LETTERED));
        assertThat(String.join("\n", dead))
                .contains("not JSON")
                .contains("unknown event type \\\"measurement\\\"")
                .contains("score 1.5 is outside [0, 1]")
                .contains("is not a pseudonym")
                .contains("past the horizon of 30 days")
                .contains("late: event_time")
                .contains("\"source\":\"events-2026-01-16.jsonl\",");
        // A refused line names its file and line.
        assertThat(dead).anyMatch(l -> l.contains("not JSON") && l.matches(".*\"line\":[0-9]+.*"));
        assertThat(Files.readAllLines(out.resolve("joined-cases.csv"))).hasSize((int) joins + 1);
    }

    @Test
    void windowsEqualTheBatchComputationOverTheSameJoinedCases() throws Exception {
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : csv(out.resolve("windows.csv"))) {
            rows.put(
                    r.get("window_kind") + "|" + r.get("window_start") + "|" + r.get("stratum"), r);
        }
        int checked = 0;
        int withAuc = 0;
        for (MonitoringPlan.Window kind :
                List.of(MonitoringPlan.Window.WEEK, MonitoringPlan.Window.MONTH)) {
            Map<String, List<TestStream.Case>> groups = new HashMap<>();
            Map<String, Long> predictions = new HashMap<>();
            for (TestStream.Case c : stream.cases) {
                for (String s : List.of("all", "site=" + c.site())) {
                    TimeWindow pw = CalendarWindows.of(kind, c.predictionTime());
                    predictions.merge(Csv.day(pw.getStart()) + "|" + s, 1L, Long::sum);
                    if (!c.joins()) continue;
                    TimeWindow w = CalendarWindows.of(kind, c.truthTime());
                    groups.computeIfAbsent(Csv.day(w.getStart()) + "|" + s, k -> new ArrayList<>())
                            .add(c);
                }
            }
            for (Map.Entry<String, List<TestStream.Case>> g : groups.entrySet()) {
                CSVRecord row = rows.get(kind.wire() + "|" + g.getKey());
                assertThat(row).as(kind + " " + g.getKey()).isNotNull();
                List<TestStream.Case> cs = g.getValue();
                boolean[] pos = new boolean[cs.size()];
                double[] score = new double[cs.size()];
                for (int i = 0; i < pos.length; i++) {
                    pos[i] = cs.get(i).label() == 1;
                    score[i] = cs.get(i).score();
                }
                long tp = 0, fp = 0, tn = 0, fn = 0;
                for (TestStream.Case c : cs) {
                    if (c.label() == 1) {
                        if (c.decision() == 1) tp++;
                        else fn++;
                    } else if (c.decision() == 1) fp++;
                    else tn++;
                }
                ConfusionMatrix m = new ConfusionMatrix(tp, fp, tn, fn);
                DiagnosticAccuracy a = DiagnosticAccuracy.of(m, ConfidenceLevel.of(0.95));
                assertThat(Long.parseLong(row.get("n_with_truth")))
                        .as(kind + " " + g.getKey() + " truth")
                        .isEqualTo(cs.size());
                assertThat(Long.parseLong(row.get("n_predictions")))
                        .as(kind + " " + g.getKey())
                        .isEqualTo(predictions.getOrDefault(g.getKey(), 0L));
                exact(row, "sensitivity", a.sensitivity());
                exact(row, "specificity", a.specificity());
                exact(row, "ppv", a.ppv());
                exact(row, "npv", a.npv());
                if (m.positives() >= 10 && m.negatives() >= 10) {
                    AucEstimate auc =
                            DeLong.auc(
                                    RocInput.of(pos, score, Direction.HIGHER),
                                    ConfidenceLevel.of(0.95));
                    assertThat(Double.parseDouble(row.get("auc"))).isEqualTo(auc.auc());
                    assertThat(Double.parseDouble(row.get("auc_lower")))
                            .isEqualTo(auc.ci().get().lower());
                    assertThat(Double.parseDouble(row.get("auc_upper")))
                            .isEqualTo(auc.ci().get().upper());
                    withAuc++;
                } else {
                    assertThat(row.get("auc")).isEmpty();
                    assertThat(row.get("undefined")).contains("auc: needs at least 10");
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(withAuc).isGreaterThan(10);
    }

    @Test
    void cusumPathEqualsADirectRecomputation() throws Exception {
        List<ChartSpec> charts = SurveillanceRun.design(plan, baseline);
        ChartSpec spec = charts.get(0);
        double sHi = 0, sLo = 0;
        int rows = 0;
        for (CSVRecord r : csv(out.resolve("cusum.csv"))) {
            if (!r.get("stratum").equals("site=B") || !r.get("metric").equals("specificity"))
                continue;
            double x = Double.parseDouble(r.get("value"));
            long n = Long.parseLong(r.get("n"));
            // scipy: norm.ppf(binom.cdf(s - 1, n, mu0) + 0.5 * binom.pmf(s, n, mu0))
            double z =
                    org.clinval.validation.cusum.BinomialScore.midP(
                            Math.round(x * n), n, spec.mu0());
            sHi = Math.max(0, sHi + z - spec.design().k());
            sLo = Math.max(0, sLo - z - spec.design().k());
            assertThat(Double.parseDouble(r.get("s_hi"))).isEqualTo(sHi);
            assertThat(Double.parseDouble(r.get("s_lo"))).isEqualTo(sLo);
            if (sHi > spec.design().h() || sLo > spec.design().h()) {
                sHi = 0;
                sLo = 0;
            }
            rows++;
        }
        assertThat(rows).isGreaterThan(50);
    }

    /**
     * A prediction stamped at a window's last millisecond, read when the watermark is exactly there
     * (24 h lateness, an event a day later read first): it is counted in its day, week and month
     * (Flink's window operator would have left it out of all three without a trace).
     */
    @Test
    void aRecordAtAWindowsLastMillisecondIsCounted() throws Exception {
        Path events = Files.createDirectories(dir.resolve("edge-events"));
        String p =
                "{\"type\":\"prediction\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"site\":\"A\","
                        + "\"device_version\":\"2.1\",\"model_version\":\"1.0.0\",\"score\":0.2,"
                        + "\"decision\":0,\"acquisition\":{\"modality\":\"CT\",\"manufacturer\":"
                        + "\"SIEMENS\",\"kvp\":120,\"slice_thickness_mm\":1.0,"
                        + "\"pixel_spacing_mm\":0.7,\"convolution_kernel\":\"B30f\"}}";
        Files.writeString(
                events.resolve("events.jsonl"),
                String.join(
                        "\n",
                        String.format(p, "E1", "2026-05-31T12:00:00Z"),
                        String.format(p, "E2", "2026-06-02T00:00:00Z"),
                        String.format(p, "E3", "2026-05-31T23:59:59.999Z"),
                        ""));
        Path edge = dir.resolve("out-edge");
        new SurveillanceRun(plan, baseline, edge).run(new Sources.Folder(events, true), 1, null);
        Map<String, String> n = new HashMap<>();
        for (CSVRecord r : csv(edge.resolve("windows.csv"))) {
            if (r.get("stratum").equals("all")) {
                n.put(r.get("window_kind") + " " + r.get("window_start"), r.get("n_predictions"));
            }
        }
        assertThat(n).containsEntry("week 2026-05-25", "2").containsEntry("month 2026-05-01", "2");
        // The day: the mean-score chart's observation of 2026-05-31 has both predictions.
        String day =
                Files.readAllLines(edge.resolve("cusum.csv")).stream()
                        .filter(l -> l.startsWith("2026-05-31,all,mean_score,"))
                        .findFirst()
                        .orElseThrow();
        assertThat(day.split(",")[4]).isEqualTo("2");
    }

    @Test
    void aRestartFromACheckpointWritesEveryRowOnce() throws Exception {
        Path again = dir.resolve("out-failed");
        FailOnce.reset();
        Reconciliation r =
                new SurveillanceRun(plan, baseline, again)
                        .checkpointEvery(300)
                        .run(
                                new Sources.Folder(dir.resolve("events"), true),
                                2,
                                new FailOnce(200, 2_000),
                                null);
        assertThat(FailOnce.failed()).as("the injected failure happened").isTrue();
        assertThat(r.counts()).isEqualTo(reconciliation.counts());
        for (String f :
                List.of(
                        "windows.csv",
                        "drift.csv",
                        "cusum.csv",
                        "alarms.jsonl",
                        "joined-cases.csv",
                        "dead-letter.jsonl")) {
            assertThat(Files.readString(again.resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readString(out.resolve(f)));
        }
    }

    @Test
    void fromAKafkaBrokerWithATaskFailureTheOutputsEqualTheFolderRun() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            kafka.createTopic("clinval.events", 2);
            try (EventPublisher p = new EventPublisher(kafka.bootstrapServers())) {
                // Without the event far behind the stream: across partitions read at different
                // speeds, whether it is late depends on which partition was read faster (the
                // folder run shows it refused).
                List<String> lines = new ArrayList<>();
                for (String[] l : stream.lines) {
                    if (!l[1].contains("\"LATE1\"")) lines.add(l[1]);
                }
                assertThat(p.publish(lines, "clinval.events"))
                        .isEqualTo(lines.stream().filter(l -> !l.isBlank()).count());
            }
            Path viaKafka = dir.resolve("out-kafka");
            FailOnce.reset();
            Reconciliation r =
                    new SurveillanceRun(plan, baseline, viaKafka)
                            .checkpointEvery(300)
                            .run(
                                    new Sources.Kafka(
                                            kafka.bootstrapServers(),
                                            "clinval.events",
                                            "test",
                                            true),
                                    2,
                                    new FailOnce(200, 2_000),
                                    null);
            assertThat(FailOnce.failed()).as("the injected failure happened").isTrue();
            assertThat(r.eventsIn())
                    .isEqualTo(stream.lines.stream().filter(l -> !l[1].isBlank()).count() - 1);
            assertThat(r.count(Ledger.Fate.LATE)).isZero();
            // Which predictions are still waiting at the end depends on the last watermark, the
            // slowest partition's: the two fates of a prediction without truth may trade places.
            for (Ledger.Fate f : Ledger.Fate.values()) {
                if (f == Ledger.Fate.PREDICTION_WAITING
                        || f == Ledger.Fate.PREDICTION_WITHOUT_TRUTH
                        || f == Ledger.Fate.LATE) {
                    continue;
                }
                assertThat(r.count(f)).as(f.wire()).isEqualTo(reconciliation.count(f));
            }
            assertThat(
                            r.count(Ledger.Fate.PREDICTION_WAITING)
                                    + r.count(Ledger.Fate.PREDICTION_WITHOUT_TRUTH))
                    .isEqualTo(
                            reconciliation.count(Ledger.Fate.PREDICTION_WAITING)
                                    + reconciliation.count(Ledger.Fate.PREDICTION_WITHOUT_TRUTH));
            for (String f :
                    List.of(
                            "windows.csv",
                            "drift.csv",
                            "cusum.csv",
                            "alarms.jsonl",
                            "joined-cases.csv")) {
                assertThat(Files.readString(viaKafka.resolve(f)))
                        .as(f)
                        .isEqualTo(Files.readString(out.resolve(f)));
            }
            List<String> dead = Files.readAllLines(viaKafka.resolve("dead-letter.jsonl"));
            assertThat(dead).noneMatch(l -> l.contains("\"line\":"));
            assertThat(dead)
                    .hasSize(Files.readAllLines(out.resolve("dead-letter.jsonl")).size() - 1);
            assertThat(dead).allMatch(l -> l.contains("\"reason\":"));
            assertThat(String.join("\n", dead)).contains("clinval.events/");
        }
    }

    private static void exact(
            CSVRecord row, String name, org.clinval.validation.interval.Proportion p) {
        if (!p.isDefined()) {
            assertThat(row.get(name)).isEmpty();
            return;
        }
        assertThat(Double.parseDouble(row.get(name))).isEqualTo(p.estimate().getAsDouble());
        var ci = p.interval(BinomialInterval.WILSON).orElseThrow();
        assertThat(Double.parseDouble(row.get(name + "_lower"))).isEqualTo(ci.lower());
        assertThat(Double.parseDouble(row.get(name + "_upper"))).isEqualTo(ci.upper());
    }

    static List<CSVRecord> csv(Path f) throws Exception {
        try (Reader r = Files.newBufferedReader(f);
                CSVParser p =
                        CSVParser.parse(
                                r,
                                CSVFormat.RFC4180
                                        .builder()
                                        .setHeader()
                                        .setSkipHeaderRecord(true)
                                        .get())) {
            return p.getRecords();
        }
    }
}
