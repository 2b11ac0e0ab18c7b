package org.clinval.workflows.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.MetricSummary;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The {@code segmentation} and {@code detection} sections of {@code metrics.json}, with the same
 * rules as {@link MetricsJson}: an undefined value is {@code null} with its reason beside it.
 */
final class TaskMetricsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskMetricsJson() {}

    static ObjectNode segmentation(SegmentationResults r, StudyProtocol p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("cases", r.summary().n());
        MetricsJson.put(o, "surface_tolerance_mm", r.summary().tolerance());
        p.segmentation().flatMap(s -> s.label()).ifPresent(l -> o.put("label", l));
        ObjectNode empty = o.putObject("empty_masks");
        for (EmptyMasks e : EmptyMasks.values()) {
            empty.put(e.name().toLowerCase(java.util.Locale.ROOT), r.summary().emptyMasks().get(e));
        }
        ObjectNode metrics = o.putObject("metrics");
        for (SegmentationMetric m : SegmentationMetric.values()) {
            MetricSummary s = r.summary().metric(m);
            ObjectNode x = metrics.putObject(m.key());
            x.put("n", s.n());
            x.put("defined", s.nDefined());
            x.put("undefined", s.nUndefined());
            ObjectNode why = x.putObject("undefined_reasons");
            s.undefinedReasons().forEach(why::put);
            x.set("mean", aggregate(r.means().get(m)));
            x.set("median", aggregate(r.medians().get(m)));
        }
        ObjectNode sg = o.putObject("subgroups");
        r.subgroups().forEach((attribute, list) -> sg.set(attribute, groups(list)));
        ObjectNode bands = o.putObject("size_bands");
        bands.put("by", "reference_voxels");
        bands.set("bands", groups(r.sizeBands()));
        return o;
    }

    private static ArrayNode groups(List<SegmentationResults.GroupAggregate> list) {
        ArrayNode a = JSON.createArrayNode();
        for (SegmentationResults.GroupAggregate g : list) {
            ObjectNode x = a.addObject();
            x.put("value", g.group());
            x.put("n", g.n());
            x.set("dice_mean", aggregate(g.value()));
        }
        return a;
    }

    /** A mean or median with its bootstrap, e.g. {@code {"estimate": 0.91, "ci": [..], ...}}. */
    static ObjectNode aggregate(CaseAggregate a) {
        ObjectNode o = JSON.createObjectNode();
        MetricsJson.put(o, "estimate", a.estimate());
        MetricsJson.put(o, "ci", a.percentile());
        MetricsJson.put(o, "ci_bca", a.bca());
        o.put("n", a.n());
        o.put("defined", a.nDefined());
        a.bootstrap().ifPresent(b -> bootstrapFields(o, b));
        a.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static void bootstrapFields(ObjectNode o, BootstrapInterval b) {
        o.put("method", "percentile bootstrap");
        MetricsJson.put(o, "level", b.level().value());
        o.put("replicates", b.replicates());
        o.put("seed", b.seed());
        o.put("resampling", b.resampling());
        b.undefinedReason().ifPresent(w -> o.put("bca_undefined", w));
    }

    static ObjectNode detection(DetectionResults r, StudyProtocol p) {
        ObjectNode o = JSON.createObjectNode();
        FrocResult f = r.froc();
        FrocBootstrap b = r.frocBootstrap();
        o.put("scans", f.scans());
        o.put("lesions", f.lesions());
        o.put("candidates", f.candidates());
        p.detection().ifPresent(d -> o.put("min_candidate_voxels", d.minCandidateVoxels()));
        ObjectNode froc = o.putObject("froc");
        froc.put("method", f.method());
        froc.put("lesions_hit", f.lesionsHit());
        froc.put("false_positives", f.falsePositives());
        ArrayNode at = froc.putArray("sensitivity_at_fp");
        for (Map.Entry<Double, Double> e : f.sensitivityAtFp().entrySet()) {
            ObjectNode x = at.addObject();
            MetricsJson.put(x, "fp_per_scan", e.getKey());
            MetricsJson.put(x, "estimate", e.getValue());
            interval(x, Optional.ofNullable(b.sensitivityAtFp().get(e.getKey())));
        }
        ObjectNode cpm = froc.putObject("cpm");
        MetricsJson.put(cpm, "estimate", f.cpm());
        interval(cpm, b.cpm());
        ObjectNode boot = froc.putObject("bootstrap");
        MetricsJson.put(boot, "level", b.level().value());
        boot.put("replicates", b.replicates());
        boot.put("seed", b.seed());
        boot.put("resampling", "scans with replacement, N fixed (LUNA16)");
        b.undefinedReason().ifPresent(w -> boot.put("undefined", w));
        f.undefinedReason().ifPresent(w -> froc.put("undefined", w));
        ObjectNode op = o.putObject("operating_point");
        MetricsJson.put(op, "threshold", p.operatingPoint().threshold());
        op.put("rule", p.operatingPoint().rule().symbol());
        op.put("candidates_accepted", r.candidatesAccepted());
        ObjectNode ls = MetricsJson.proportion(r.lesionSensitivity(), p);
        ls.put("method", p.statistics().ciMethod().key() + " over lesions");
        op.set("lesion_sensitivity", ls);
        op.set("fp_per_scan", aggregate(r.fpPerScan()));
        ObjectNode bands = o.putObject("size_bands");
        bands.put("by", "lesion diameter (2 x radius), mm");
        bands.set("bands", bands(r.sizeBands(), p, false));
        ObjectNode sg = o.putObject("subgroups");
        r.subgroups().forEach((attribute, list) -> sg.set(attribute, bands(list, p, true)));
        return o;
    }

    private static ArrayNode bands(
            List<DetectionResults.Band> list, StudyProtocol p, boolean scans) {
        ArrayNode a = JSON.createArrayNode();
        for (DetectionResults.Band band : list) {
            ObjectNode x = a.addObject();
            x.put("value", band.group());
            if (scans) x.put("scans", band.scans());
            x.set("lesion_sensitivity", MetricsJson.proportion(band.sensitivity(), p));
        }
        return a;
    }

    private static void interval(ObjectNode o, Optional<BootstrapInterval> b) {
        MetricsJson.put(o, "ci", b.map(BootstrapInterval::percentile));
        MetricsJson.put(o, "ci_bca", b.flatMap(BootstrapInterval::bca));
    }
}
