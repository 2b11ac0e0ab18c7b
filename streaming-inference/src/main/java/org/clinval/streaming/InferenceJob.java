package org.clinval.streaming;

import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.clinval.streaming.function.CountBySite;
import org.clinval.streaming.function.EvaluateVolume;
import org.clinval.streaming.function.JoinTruth;
import org.clinval.streaming.function.LoadCase;
import org.clinval.streaming.function.ParseManifest;
import org.clinval.streaming.function.PrepareCase;
import org.clinval.streaming.function.ScoreCase;
import org.clinval.streaming.function.Tags;

/**
 * The inference job's topology. Sources and sinks come in through the constructor, so tests can run
 * the same topology with collecting sinks; {@link InferenceRun} wires the production ones.
 *
 * <pre>
 * manifest ─ parse ─ load ─ preprocess ─ score ─┐
 *                      └ rejected ──┴───────────┴─ keyBy(case) ┐
 * ground truth ─────────────────────────────── keyBy(case) ────┴ join ─ results ─ keyBy(site) ─ counts
 *                                                                 └ quarantine
 * </pre>
 */
public final class InferenceJob {

    private final Source<String, ?, ?> manifest;
    private final List<GroundTruth> truth;
    private final Sink<CaseResult> results;
    private final Sink<Quarantined> quarantine;
    private final Sink<SiteCounts> siteCounts;
    private final CaseLoader loader;
    private final Preprocessor preprocessor;
    private final ScorerFactory scorer;
    private final JobSettings settings;
    private final VolumeEvaluatorFactory evaluator;
    private final Sink<String> candidates;
    private ScoreCase.Grades grades;

    /**
     * The job of a segmentation or detection study: each case's whole series is evaluated by one
     * operator ({@code evaluate}) in place of load, preprocess and score; detection candidates go
     * to {@code candidates}.
     */
    public InferenceJob(
            Source<String, ?, ?> manifest,
            List<GroundTruth> truth,
            Sink<CaseResult> results,
            Sink<Quarantined> quarantine,
            Sink<SiteCounts> siteCounts,
            Sink<String> candidates,
            VolumeEvaluatorFactory evaluator,
            JobSettings settings) {
        this.manifest = manifest;
        this.truth = List.copyOf(truth);
        this.results = results;
        this.quarantine = quarantine;
        this.siteCounts = siteCounts;
        this.loader = null;
        this.preprocessor = null;
        this.scorer = null;
        this.settings = settings;
        this.evaluator = evaluator;
        this.candidates = candidates;
    }

    public InferenceJob(
            Source<String, ?, ?> manifest,
            List<GroundTruth> truth,
            Sink<CaseResult> results,
            Sink<Quarantined> quarantine,
            Sink<SiteCounts> siteCounts,
            CaseLoader loader,
            Preprocessor preprocessor,
            ScorerFactory scorer,
            JobSettings settings) {
        this.manifest = manifest;
        this.truth = List.copyOf(truth);
        this.results = results;
        this.quarantine = quarantine;
        this.siteCounts = siteCounts;
        this.loader = loader;
        this.preprocessor = preprocessor;
        this.scorer = scorer;
        this.settings = settings;
        this.evaluator = null;
        this.candidates = null;
    }

    /**
     * Makes the job grade: the scorer's class probabilities per case, the model's grade and the
     * probability of the case-level cut (see {@link ScoreCase#ScoreCase(ScorerFactory,
     * ScoreCase.Grades)}).
     */
    public InferenceJob withGrades(ScoreCase.Grades grades) {
        this.grades = grades;
        return this;
    }

    /** Adds the job's operators to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<String> lines =
                env.fromSource(manifest, WatermarkStrategy.noWatermarks(), "case manifest")
                        .setParallelism(1);
        SingleOutputStreamOperator<CaseInput> cases =
                lines.process(new ParseManifest()).name("parse manifest").setParallelism(1);
        DataStream<Outcome> outcomes;
        if (evaluator != null) {
            SingleOutputStreamOperator<Outcome> evaluated =
                    cases.rebalance()
                            .process(new EvaluateVolume(evaluator))
                            .name("evaluate series");
            evaluated.getSideOutput(Tags.CANDIDATES).sinkTo(candidates).name("candidates");
            outcomes = evaluated;
        } else {
            SingleOutputStreamOperator<LoadedCase> loaded =
                    cases.rebalance().process(new LoadCase(loader)).name("load DICOM");
            SingleOutputStreamOperator<PreparedCase> prepared =
                    loaded.process(new PrepareCase(preprocessor)).name("preprocess");
            SingleOutputStreamOperator<Outcome> scored =
                    prepared.process(new ScoreCase(scorer, grades)).name("infer");
            outcomes =
                    scored.union(
                            loaded.getSideOutput(Tags.REJECTED),
                            prepared.getSideOutput(Tags.REJECTED));
        }

        DataStream<GroundTruth> reference =
                env.fromData(truth, TypeInformation.of(GroundTruth.class)).name("ground truth");
        SingleOutputStreamOperator<CaseResult> joined =
                outcomes.keyBy(Outcome::caseId)
                        .connect(reference.keyBy(GroundTruth::caseId))
                        .process(
                                new JoinTruth(
                                        settings.threshold(),
                                        settings.rule(),
                                        settings.modelSha256(),
                                        settings.datasetSha256()))
                        .name("join ground truth");

        joined.sinkTo(results).name("case results");
        joined.getSideOutput(Tags.QUARANTINE)
                .union(cases.getSideOutput(Tags.QUARANTINE))
                .sinkTo(quarantine)
                .name("quarantine");
        joined.keyBy(CaseResult::site)
                .process(new CountBySite())
                .name("running counts per site")
                .sinkTo(siteCounts)
                .name("site counts");
    }
}
