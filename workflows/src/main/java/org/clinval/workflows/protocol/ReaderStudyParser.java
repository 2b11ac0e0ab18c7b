package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.common.Quote;
import org.clinval.common.yaml.YamlMap;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrFactors;

/** The {@code reader_study} block, for {@link ProtocolParser}. */
final class ReaderStudyParser {

    private static final List<String> FACTORS = List.of("random", "fixed");
    private static final List<String> COVARIANCES = List.of("jackknife", "delong");

    private ReaderStudyParser() {}

    /** The {@code reader_study} block, when the protocol has one. */
    static Optional<ReaderStudySettings> readerStudy(
            YamlMap m, Optional<Task> task, StudyPaths paths) {
        if (!m.has("reader_study")) {
            return Optional.empty();
        }
        if (task.isPresent() && task.get() == Task.GRADING) {
            m.problem(
                    "reader_study",
                    "is only for a study whose ground truth has a label per case (classification,"
                            + " segmentation, detection); this protocol's task is grading");
            return Optional.empty();
        }
        Optional<YamlMap> block = m.map("reader_study");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap b = block.get();
        Optional<Path> reads =
                b.value("reads").flatMap(v -> v.text().flatMap(t -> paths.resolve(v, t, false)));
        Optional<String> unaided = b.string("unaided");
        Optional<String> aided = b.string("aided");
        if (unaided.isPresent() && aided.isPresent() && unaided.get().equals(aided.get())) {
            b.problem(
                    "aided",
                    Quote.value(aided.get())
                            + " is also the unaided modality: the reads with the device need their"
                            + " own modality name");
            aided = Optional.empty();
        }
        Optional<ReaderStudySettings.Analysis> analysis =
                b.string("analysis")
                        .flatMap(
                                v ->
                                        ProtocolParser.choice(
                                                b,
                                                "analysis",
                                                v,
                                                ReaderStudySettings.Analysis.KEYS,
                                                ReaderStudySettings.Analysis::parse));
        Optional<OrCovariance> covariance = Optional.empty();
        boolean covarianceOk = true;
        if (analysis.isPresent() && analysis.get() == ReaderStudySettings.Analysis.GALLAS) {
            if (b.has("covariance")) {
                b.problem(
                        "covariance",
                        "is only for analysis: obuchowski_rockette (the gallas analysis has its"
                                + " own U-statistic variance)");
                covarianceOk = false;
            }
        } else if (analysis.isPresent() || b.has("covariance")) {
            covariance =
                    b.string("covariance")
                            .flatMap(
                                    v ->
                                            ProtocolParser.choice(
                                                    b,
                                                    "covariance",
                                                    v,
                                                    COVARIANCES,
                                                    OrCovariance::parse));
            covarianceOk = covariance.isPresent();
        }
        Optional<String> readers =
                b.string("readers")
                        .flatMap(v -> ProtocolParser.choice(b, "readers", v, FACTORS, x -> x));
        Optional<String> cases =
                b.string("cases")
                        .flatMap(v -> ProtocolParser.choice(b, "cases", v, FACTORS, x -> x));
        Optional<OrFactors> factors = Optional.empty();
        if (readers.isPresent() && cases.isPresent()) {
            if (readers.get().equals("fixed") && cases.get().equals("fixed")) {
                b.problem(
                        "cases",
                        "fixed with readers: fixed leaves nothing to generalise to; one of them"
                                + " must be random");
            } else if (analysis.isPresent()
                    && analysis.get() == ReaderStudySettings.Analysis.GALLAS
                    && (readers.get().equals("fixed") || cases.get().equals("fixed"))) {
                b.problem(
                        readers.get().equals("fixed") ? "readers" : "cases",
                        "fixed is only for analysis: obuchowski_rockette; the gallas analysis"
                                + " treats readers and cases as random");
            } else {
                factors = Optional.of(OrFactors.of(readers.get(), cases.get()));
            }
        }
        OptionalDouble threshold = b.optionalNumber("threshold");
        Optional<ThresholdRule> rule = Optional.of(ThresholdRule.GE);
        if (b.has("rule")) {
            rule =
                    b.string("rule")
                            .flatMap(
                                    v ->
                                            ProtocolParser.choice(
                                                    b,
                                                    "rule",
                                                    v,
                                                    List.of(">=", ">"),
                                                    ThresholdRule::parse));
            if (rule.isPresent() && !b.has("threshold")) {
                b.problem(
                        "rule",
                        "is only with reader_study.threshold: the rule says how the threshold"
                                + " makes a read a positive call");
            }
        }
        b.rejectUnknownKeys();
        if (reads.isEmpty()
                || unaided.isEmpty()
                || aided.isEmpty()
                || analysis.isEmpty()
                || !covarianceOk
                || factors.isEmpty()
                || b.doc().hasProblemWithin(b.path())) {
            return Optional.empty();
        }
        return Optional.of(
                new ReaderStudySettings(
                        reads.get(),
                        unaided.get(),
                        aided.get(),
                        analysis.get(),
                        covariance,
                        factors.get(),
                        threshold,
                        rule.orElseThrow()));
    }
}
