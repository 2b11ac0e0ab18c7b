package org.clinval.surveillance.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.event.DeadLetter;
import org.clinval.surveillance.event.Event;
import org.clinval.surveillance.event.RawLine;
import org.clinval.surveillance.plan.MonitoringPlan;

/**
 * The surveillance job's graph: lines → events (dead letters aside) → event time with bounded
 * lateness → join by case id → strata → windowed statistics, drift and goal alarms per stratum;
 * daily counts → CUSUM charts; windows → cumulative rows; every fate → the reconciliation ledger.
 * Every output goes through a file sink that commits on checkpoints, so a restart from a checkpoint
 * writes each row exactly once.
 */
public final class SurveillanceJob {

    /** The staging sub-folders, one per output. */
    public static final List<String> OUTPUTS =
            List.of("windows", "drift", "cusum", "alarms", "joined", "dead-letter", "ledger");

    private final MonitoringPlan plan;
    private final Baseline baseline;
    private final List<ChartSpec> charts;

    private FailOnce failOnce;

    public SurveillanceJob(MonitoringPlan plan, Baseline baseline, List<ChartSpec> charts) {
        this.plan = plan;
        this.baseline = baseline;
        this.charts = List.copyOf(charts);
    }

    /** Puts {@code f} after the parser (null: nothing), to test recovery from a task failure. */
    public SurveillanceJob failOnce(FailOnce f) {
        this.failOnce = f;
        return this;
    }

    /** Adds the job reading {@code source} and writing under {@code staging} to {@code env}. */
    public void build(StreamExecutionEnvironment env, Sources source, Path staging) {
        DataStream<RawLine> lines = source.add(env);
        // Parsed by as many readers as the source has, so that a folder's time order survives
        // to the watermarks (a rebalance to more readers would let events overtake each other).
        SingleOutputStreamOperator<Event> events =
                lines.process(new ParseEvents())
                        .setParallelism(lines.getParallelism())
                        .name("parse events");
        long lateness = plan.latenessMillis();
        WatermarkStrategy<Event> wm =
                WatermarkStrategy.<Event>forGenerator(c -> new EventTimeWatermarks(lateness))
                        .withTimestampAssigner((e, ts) -> e.eventTime);
        if (!source.bounded()) wm = wm.withIdleness(Duration.ofSeconds(30));
        DataStream<Event> parsed =
                failOnce == null
                        ? events
                        : events.map(failOnce)
                                .setParallelism(lines.getParallelism())
                                .name("fail once");
        // The join sends each record into each of its strata: four small records per record.
        SingleOutputStreamOperator<StratumRecord> joined =
                parsed.assignTimestampsAndWatermarks(wm)
                        .setParallelism(lines.getParallelism())
                        .name("event time")
                        .keyBy(e -> e.caseId, Types.STRING)
                        .process(
                                new JoinCases(
                                        plan.horizonMillis(), plan.latenessMillis(), plan.strata()))
                        .name("join truth");

        List<MonitoringPlan.Window> kinds = new ArrayList<>();
        kinds.add(plan.window());
        if (!kinds.contains(plan.goalWindow())) kinds.add(plan.goalWindow());
        if (!kinds.contains(plan.drift().window())) kinds.add(plan.drift().window());
        // Every window of a stratum in one operator: each record crosses the network once per
        // stratum, not once per stratum and kind of window.
        SingleOutputStreamOperator<String> windows =
                joined.keyBy(r -> r.stratum, Types.STRING)
                        .process(new StratumWindows(plan, baseline, kinds))
                        .name("windows");
        DataStream<String> cumulative =
                windows.getSideOutput(Tags.SUMMARIES)
                        .keyBy(s -> s.stratum, Types.STRING)
                        .process(new Cumulative(plan.level(), plan.minCasesPerClass()))
                        .name("cumulative");
        DataStream<String> windowLines = windows.union(cumulative);
        DataStream<String> driftLines = windows.getSideOutput(Tags.DRIFT);
        SingleOutputStreamOperator<String> cusum =
                windows.getSideOutput(Tags.DAYS)
                        .keyBy(d -> d.stratum, Types.STRING)
                        .process(new CusumCharts(charts, baseline))
                        .name("cusum");
        DataStream<String> alarmLines =
                windows.getSideOutput(Tags.ALARMS).union(cusum.getSideOutput(Tags.ALARMS));

        DataStream<String> joinedRows = joined.getSideOutput(Tags.JOINED);
        DataStream<DeadLetter> dead =
                events.getSideOutput(Tags.DEAD).union(joined.getSideOutput(Tags.DEAD));
        DataStream<Ledger> ledger =
                events.getSideOutput(Tags.LEDGER).union(joined.getSideOutput(Tags.LEDGER));
        DataStream<String> ledgerRows =
                ledger.keyBy(l -> l.fate.wire(), Types.STRING)
                        .process(new LedgerCounts(!source.bounded()))
                        .name("ledger");

        sink(windowLines, staging.resolve("windows"), "windows");
        sink(driftLines, staging.resolve("drift"), "drift");
        sink(cusum, staging.resolve("cusum"), "cusum");
        sink(alarmLines, staging.resolve("alarms"), "alarms");
        sink(joinedRows, staging.resolve("joined"), "joined");
        sink(
                dead.map(DeadLetters::json, Types.STRING),
                staging.resolve("dead-letter"),
                "dead letters");
        sink(ledgerRows, staging.resolve("ledger"), "ledger");
    }

    private static void sink(DataStream<String> s, Path dir, String name) {
        Encoder<String> enc = new SimpleStringEncoder<>("UTF-8");
        s.sinkTo(
                        FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.toUri()), enc)
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                                .withOutputFileConfig(
                                        OutputFileConfig.builder()
                                                .withPartPrefix("part")
                                                .withPartSuffix(".txt")
                                                .build())
                                .build())
                .name("write " + name);
    }
}
