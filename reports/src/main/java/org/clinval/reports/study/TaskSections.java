package org.clinval.reports.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.DetectionCaseRow;
import org.clinval.reports.model.DetectionSection;
import org.clinval.reports.model.FrocRateRow;
import org.clinval.reports.model.GroupRow;
import org.clinval.reports.model.MetricAggregateRow;
import org.clinval.reports.model.SegmentationCaseRow;
import org.clinval.reports.model.SegmentationSection;
import org.clinval.validation.Interval;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.MetricSummary;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.workflows.analysis.CaseAggregate;
import org.clinval.workflows.analysis.DetectionResults;
import org.clinval.workflows.analysis.SegmentationResults;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.protocol.SegmentationSettings;

/**
 * The report's segmentation and detection sections, from the analysis the study computed (every
 * aggregate, interval and FROC value) and the rows of {@code case-results.csv} (every per-case
 * value, as written there).
 */
final class TaskSections {

    /**
     * Why the worst cases have no contour overlay: drawing one needs the predicted and reference
     * DICOM SEG and the slices, which only the imaging module reads.
     */
    static final String NO_OVERLAY =
            "The run holds no contour overlay of these cases (results/overlay/<case>.png, written"
                    + " by the inference step): their predicted masks are results/seg/<case>.dcm,"
                    + " to review beside the reference masks in a DICOM viewer.";

    /** How many worst cases the report shows. */
    static final int WORST = 3;

    private TaskSections() {}

    /** Returns the segmentation section of a segmentation study, else empty. */
    static Optional<SegmentationSection> segmentation(
            StudyResults results, List<Map<String, String>> cases) {
        return segmentation(results, cases, Optional.empty());
    }

    /**
     * As {@link #segmentation(StudyResults, List)}, with the worst cases' contour overlays read
     * from the run folder {@code runDir}.
     */
    static Optional<SegmentationSection> segmentation(
            StudyResults results, List<Map<String, String>> cases, Optional<Path> runDir) {
        if (results.segmentation().isEmpty()) return Optional.empty();
        SegmentationResults s = results.segmentation().get();
        List<SegmentationCaseRow> rows = new ArrayList<>();
        for (Map<String, String> c : cases) rows.add(segmentationCase(c));
        List<MetricAggregateRow> metrics = new ArrayList<>();
        OptionalDouble tolerance = s.summary().tolerance();
        for (SegmentationMetric m : SegmentationMetric.values()) {
            metrics.add(aggregate(m, s, tolerance));
        }
        Map<String, Integer> empty = new LinkedHashMap<>();
        for (EmptyMasks e : EmptyMasks.values()) {
            empty.put(e.name().toLowerCase(Locale.ROOT), s.summary().emptyMasks().get(e));
        }
        BootstrapInterval any = anyBootstrap(s);
        List<GroupRow> bands = new ArrayList<>();
        for (SegmentationResults.GroupAggregate g : s.sizeBands()) {
            bands.add(group("reference size", g));
        }
        List<GroupRow> subgroups = new ArrayList<>();
        s.subgroups()
                .forEach(
                        (attribute, groups) ->
                                groups.forEach(g -> subgroups.add(group(attribute, g))));
        var stats = results.protocol().statistics();
        Map<String, byte[]> overlays = new LinkedHashMap<>();
        if (runDir.isPresent()) {
            List<SegmentationCaseRow> sorted = new ArrayList<>(rows);
            sorted.sort(SegmentationCaseRow::worstFirst);
            for (SegmentationCaseRow c : sorted.subList(0, Math.min(WORST, sorted.size()))) {
                Path png =
                        runDir.get()
                                .resolve("results/overlay")
                                .resolve(c.caseId().replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
                try {
                    if (java.nio.file.Files.isRegularFile(png)) {
                        overlays.put(c.caseId(), java.nio.file.Files.readAllBytes(png));
                    }
                } catch (java.io.IOException e) {
                    // Unreadable: the section says the overlay is missing.
                }
            }
        }
        return Optional.of(
                new SegmentationSection(
                        rows,
                        metrics,
                        empty,
                        results.protocol()
                                .segmentation()
                                .flatMap(SegmentationSettings::label)
                                .orElse("all"),
                        tolerance,
                        stats.level().value(),
                        any == null ? stats.bootstrapReplicates() : any.replicates(),
                        any == null ? stats.bootstrapSeed() : any.seed(),
                        any == null ? "cases with replacement" : any.resampling(),
                        bands,
                        subgroups,
                        overlays.size() == Math.min(WORST, rows.size()) ? "" : NO_OVERLAY,
                        overlays));
    }

    private static BootstrapInterval anyBootstrap(SegmentationResults s) {
        return s.means().values().stream()
                .flatMap(a -> a.bootstrap().stream())
                .findFirst()
                .orElse(null);
    }

    private static SegmentationCaseRow segmentationCase(Map<String, String> c) {
        return new SegmentationCaseRow(
                c.get("case_id"),
                c.get("label"),
                Double.parseDouble(c.get("dice")),
                optional(c, "iou"),
                optional(c, "hd"),
                optional(c, "hd95"),
                optional(c, "hd95_pooled"),
                optional(c, "assd"),
                optional(c, "surface_dice"),
                c.get("empty"),
                Long.parseLong(c.get("reference_voxels")),
                Long.parseLong(c.get("predicted_voxels")));
    }

    private static OptionalDouble optional(Map<String, String> c, String column) {
        String v = c.get(column);
        return v == null || v.isBlank()
                ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(v));
    }

    private static MetricAggregateRow aggregate(
            SegmentationMetric m, SegmentationResults s, OptionalDouble tolerance) {
        CaseAggregate mean = s.means().get(m);
        CaseAggregate median = s.medians().get(m);
        MetricSummary summary = s.summary().metric(m);
        return new MetricAggregateRow(
                name(m, tolerance),
                m.key(),
                summary.n(),
                summary.nDefined(),
                mean.estimate(),
                mean.percentile(),
                mean.bca(),
                median.estimate(),
                median.percentile(),
                median.bca(),
                new TreeMap<>(summary.undefinedReasons()));
    }

    /** Returns the metric's name for reading, with its unit. */
    static String name(SegmentationMetric m, OptionalDouble tolerance) {
        return switch (m) {
            case DICE -> "Dice";
            case IOU -> "IoU";
            case HAUSDORFF -> "HD (mm)";
            case HD95 -> "HD95 (mm)";
            case HD95_POOLED -> "HD95 pooled (mm)";
            case ASSD -> "ASSD (mm)";
            case SURFACE_DICE ->
                    tolerance.isPresent()
                            ? "Surface Dice at " + Text.threshold(tolerance.getAsDouble()) + " mm"
                            : "Surface Dice";
        };
    }

    private static GroupRow group(String attribute, SegmentationResults.GroupAggregate g) {
        CaseAggregate v = g.value();
        return new GroupRow(
                attribute,
                g.group(),
                g.n(),
                v.nDefined() + " of " + v.n(),
                v.estimate(),
                v.percentile(),
                v.estimate().isPresent() ? Optional.empty() : v.undefinedReason());
    }

    /** Returns the detection section of a detection study, else empty. */
    static Optional<DetectionSection> detection(
            StudyResults results, List<Map<String, String>> cases) {
        if (results.detection().isEmpty()) return Optional.empty();
        DetectionResults d = results.detection().get();
        FrocResult froc = d.froc();
        FrocBootstrap boot = d.frocBootstrap();
        List<FrocRateRow> rates = new ArrayList<>();
        froc.sensitivityAtFp()
                .forEach(
                        (rate, sens) ->
                                rates.add(
                                        new FrocRateRow(
                                                rate,
                                                OptionalDouble.of(sens),
                                                percentile(boot.sensitivityAtFp().get(rate)))));
        BinomialInterval method = results.protocol().statistics().ciMethod();
        List<GroupRow> bands = new ArrayList<>();
        for (DetectionResults.Band b : d.sizeBands()) bands.add(band("lesion diameter", b, method));
        List<GroupRow> subgroups = new ArrayList<>();
        d.subgroups()
                .forEach(
                        (attribute, list) ->
                                list.forEach(b -> subgroups.add(band(attribute, b, method))));
        List<DetectionCaseRow> rows = new ArrayList<>();
        for (Map<String, String> c : cases) {
            rows.add(
                    new DetectionCaseRow(
                            c.get("case_id"),
                            c.get("label"),
                            Integer.parseInt(c.get("lesions")),
                            Integer.parseInt(c.get("hits")),
                            Integer.parseInt(c.get("false_positives")),
                            Integer.parseInt(c.get("candidates"))));
        }
        List<String> undefined = new ArrayList<>();
        froc.undefinedReason().ifPresent(undefined::add);
        boot.undefinedReason().ifPresent(undefined::add);
        return Optional.of(
                new DetectionSection(
                        froc.curve().map(c -> c.points()).orElse(List.of()),
                        rates,
                        froc.cpm(),
                        boot.cpm().map(BootstrapInterval::percentile),
                        froc.scans(),
                        froc.lesions(),
                        froc.candidates(),
                        froc.falsePositives(),
                        froc.method(),
                        d.lesionSensitivity(),
                        method,
                        d.fpPerScan().estimate(),
                        d.fpPerScan().percentile(),
                        d.candidatesAccepted(),
                        boot.level().value(),
                        boot.replicates(),
                        boot.seed(),
                        bands,
                        subgroups,
                        rows,
                        undefined.isEmpty()
                                ? Optional.empty()
                                : Optional.of(String.join("; ", undefined))));
    }

    private static Optional<Interval> percentile(BootstrapInterval b) {
        return Optional.ofNullable(b).map(BootstrapInterval::percentile);
    }

    private static GroupRow band(String attribute, DetectionResults.Band b, BinomialInterval m) {
        Proportion p = b.sensitivity();
        return new GroupRow(
                attribute,
                b.group(),
                b.scans(),
                Text.counts(p.successes(), p.trials()),
                p.estimate(),
                p.interval(m),
                p.undefinedReason());
    }
}
