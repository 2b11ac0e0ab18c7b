package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.MetricSummary;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.validation.segmentation.SegmentationSummary;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The segmentation analysis: per metric the mean and median over the cases where it is defined,
 * with a bootstrap over cases ({@link CaseBootstrap}) seeded from the protocol; the counts of empty
 * masks; the mean Dice per subgroup and per band of reference size. The one place these numbers are
 * computed: {@code metrics.json}, the endpoints and the acceptance steps all call it.
 *
 * <p>Size bands: the case results carry the reference volume as a voxel count (no spacing), so the
 * bands are decades of voxels, {@link #SIZE_BANDS}: an empty reference, 1–999, 1,000–9,999,
 * 10,000–99,999 and 100,000 or more voxels.
 */
public final class SegmentationAnalysis {

    /** Lower bounds (inclusive) of the reference-size bands in voxels; each ends at the next. */
    public static final List<Long> SIZE_BANDS = List.of(0L, 1L, 1_000L, 10_000L, 100_000L);

    private SegmentationAnalysis() {}

    /**
     * Analyses {@code seg}, the segmentation columns of {@code cases} in the same order.
     *
     * @throws IllegalArgumentException if the two lists do not name the same cases in order
     */
    public static SegmentationResults analyse(
            StudyProtocol protocol, List<CaseResult> cases, List<SegmentationCase> seg) {
        requireSameCases(cases, seg);
        BootstrapSpec spec = protocol.statistics().bootstrap(protocol.statistics().level());
        OptionalDouble tolerance =
                protocol.segmentation()
                        .map(s -> s.surfaceToleranceMm())
                        .orElse(OptionalDouble.empty());
        Map<SegmentationMetric, CaseAggregate> means = new EnumMap<>(SegmentationMetric.class);
        Map<SegmentationMetric, CaseAggregate> medians = new EnumMap<>(SegmentationMetric.class);
        Map<SegmentationMetric, MetricSummary> summaries = new EnumMap<>(SegmentationMetric.class);
        for (SegmentationMetric m : SegmentationMetric.values()) {
            CaseAggregate mean = aggregate(m, Aggregate.MEAN, seg, spec);
            CaseAggregate median = aggregate(m, Aggregate.MEDIAN, seg, spec);
            means.put(m, mean);
            medians.put(m, median);
            summaries.put(m, summary(m, seg, mean, median));
        }
        Map<EmptyMasks, Integer> empty = new EnumMap<>(EmptyMasks.class);
        for (EmptyMasks e : EmptyMasks.values()) empty.put(e, 0);
        seg.forEach(c -> empty.merge(c.empty(), 1, Integer::sum));
        Map<String, List<SegmentationResults.GroupAggregate>> subgroups = new LinkedHashMap<>();
        for (String attribute : protocol.subgroups().attributes()) {
            subgroups.put(attribute, bySubgroup(attribute, cases, seg, spec));
        }
        return new SegmentationResults(
                new SegmentationSummary(seg.size(), tolerance, empty, summaries),
                means,
                medians,
                subgroups,
                bySize(seg, spec));
    }

    /**
     * Returns {@code metric}'s {@code aggregate} over {@code cases} with its bootstrap by {@code
     * spec}: the computation behind every segmentation number of a study.
     */
    public static CaseAggregate aggregate(
            SegmentationMetric metric,
            Aggregate aggregate,
            List<SegmentationCase> cases,
            BootstrapSpec spec) {
        double[] v = new double[cases.size()];
        TreeMap<String, Integer> reasons = new TreeMap<>();
        for (int i = 0; i < v.length; i++) {
            SegmentationCase c = cases.get(i);
            v[i] = c.value(metric).orElse(Double.NaN);
            c.undefinedReason(metric).ifPresent(r -> reasons.merge(r, 1, Integer::sum));
        }
        List<String> why = new ArrayList<>();
        reasons.forEach((r, k) -> why.add(k + " × " + r));
        return CaseBootstrap.of(metric.key(), aggregate, v, spec, String.join("; ", why));
    }

    /**
     * Returns the mean Dice of the cases of {@code seg} whose attribute {@code attribute} in {@code
     * cases} is {@code value}, one entry per value in sorted order.
     */
    public static List<SegmentationResults.GroupAggregate> bySubgroup(
            String attribute,
            List<CaseResult> cases,
            List<SegmentationCase> seg,
            BootstrapSpec spec) {
        TreeMap<String, List<SegmentationCase>> groups = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            groups.computeIfAbsent(cases.get(i).attribute(attribute), k -> new ArrayList<>())
                    .add(seg.get(i));
        }
        List<SegmentationResults.GroupAggregate> out = new ArrayList<>();
        groups.forEach(
                (value, list) ->
                        out.add(
                                new SegmentationResults.GroupAggregate(
                                        value,
                                        list.size(),
                                        aggregate(
                                                SegmentationMetric.DICE,
                                                Aggregate.MEAN,
                                                list,
                                                spec))));
        return out;
    }

    /**
     * Returns the mean Dice per reference-size band ({@link #SIZE_BANDS}), empty bands left out.
     */
    public static List<SegmentationResults.GroupAggregate> bySize(
            List<SegmentationCase> seg, BootstrapSpec spec) {
        List<SegmentationResults.GroupAggregate> out = new ArrayList<>();
        for (int b = 0; b < SIZE_BANDS.size(); b++) {
            long lo = SIZE_BANDS.get(b);
            long hi = b + 1 < SIZE_BANDS.size() ? SIZE_BANDS.get(b + 1) : Long.MAX_VALUE;
            List<SegmentationCase> in =
                    seg.stream()
                            .filter(c -> c.referenceVoxels() >= lo && c.referenceVoxels() < hi)
                            .toList();
            if (in.isEmpty()) continue;
            out.add(
                    new SegmentationResults.GroupAggregate(
                            band(lo, hi),
                            in.size(),
                            aggregate(SegmentationMetric.DICE, Aggregate.MEAN, in, spec)));
        }
        return out;
    }

    /**
     * Returns a band's name, e.g. {@code 0 voxels (empty reference)} or {@code 1000-9999 voxels}.
     */
    static String band(long lo, long hi) {
        if (lo == 0 && hi == 1) return "0 voxels (empty reference)";
        if (hi == Long.MAX_VALUE) return ">= " + lo + " voxels";
        return lo + "-" + (hi - 1) + " voxels";
    }

    /** Returns the metric and aggregate of a segmentation measure, e.g. hd95 and median. */
    public static Map.Entry<SegmentationMetric, Aggregate> of(Measure measure) {
        return switch (measure) {
            case DICE_MEAN -> Map.entry(SegmentationMetric.DICE, Aggregate.MEAN);
            case DICE_MEDIAN -> Map.entry(SegmentationMetric.DICE, Aggregate.MEDIAN);
            case IOU_MEAN -> Map.entry(SegmentationMetric.IOU, Aggregate.MEAN);
            case HD95_MEDIAN -> Map.entry(SegmentationMetric.HD95, Aggregate.MEDIAN);
            case HD95_MEAN -> Map.entry(SegmentationMetric.HD95, Aggregate.MEAN);
            case ASSD_MEAN -> Map.entry(SegmentationMetric.ASSD, Aggregate.MEAN);
            case SURFACE_DICE_MEAN -> Map.entry(SegmentationMetric.SURFACE_DICE, Aggregate.MEAN);
            default ->
                    throw new IllegalArgumentException(
                            measure.key() + " is not a segmentation measure");
        };
    }

    private static MetricSummary summary(
            SegmentationMetric m,
            List<SegmentationCase> seg,
            CaseAggregate mean,
            CaseAggregate median) {
        Map<String, Integer> reasons = new TreeMap<>();
        seg.forEach(c -> c.undefinedReason(m).ifPresent(r -> reasons.merge(r, 1, Integer::sum)));
        return new MetricSummary(
                m,
                seg.size(),
                mean.nDefined(),
                seg.size() - mean.nDefined(),
                reasons,
                mean.estimate(),
                median.estimate());
    }

    static void requireSameCases(List<CaseResult> cases, List<SegmentationCase> seg) {
        if (cases.size() != seg.size()) {
            throw new IllegalArgumentException(
                    cases.size() + " case results but " + seg.size() + " segmentation results");
        }
        for (int i = 0; i < cases.size(); i++) {
            if (!cases.get(i).caseId().equals(seg.get(i).caseId())) {
                throw new IllegalArgumentException(
                        "segmentation result "
                                + (i + 1)
                                + " is of case "
                                + seg.get(i).caseId()
                                + ", not "
                                + cases.get(i).caseId());
            }
        }
    }
}
