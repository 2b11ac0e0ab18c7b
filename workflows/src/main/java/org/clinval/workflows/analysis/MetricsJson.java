package org.clinval.workflows.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.subgroup.SubgroupResult;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Writes {@code metrics.json}: every number of {@link StudyResults} with the choices that produced
 * it. Undefined values are {@code null} with an {@code undefined} reason beside them; a NaN or an
 * infinity is refused, naming its key, so one cannot slip into a report.
 */
public final class MetricsJson {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {}

    /**
     * Writes {@code results} to {@code file} with the provenance hashes given.
     *
     * @param caseResultsSha256 SHA-256 of the case results analysed
     */
    public static void write(StudyResults results, String caseResultsSha256, Path file)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(results, caseResultsSha256) + "\n", StandardCharsets.UTF_8);
    }

    /** Returns the JSON text of {@code results}. */
    public static String text(StudyResults results, String caseResultsSha256) {
        try {
            return JSON.writeValueAsString(tree(results, caseResultsSha256));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metrics", e);
        }
    }

    static ObjectNode tree(StudyResults r, String caseResultsSha256) {
        StudyProtocol p = r.protocol();
        ObjectNode o = JSON.createObjectNode();
        o.put("study", p.id());
        o.put("title", p.title());
        o.put("verdict", r.verdict().name());
        ObjectNode prov = o.putObject("provenance");
        prov.put("device", p.device().name() + " " + p.device().version());
        prov.put("descriptor_sha256", p.device().sha256());
        prov.put("case_results_sha256", caseResultsSha256);
        o.put("cases", r.cases());
        ObjectNode op = o.putObject("operating_point");
        put(op, "threshold", p.operatingPoint().threshold());
        op.put("rule", p.operatingPoint().rule().symbol());
        op.put("positive_class", p.operatingPoint().positiveClass());
        op.put("direction", p.operatingPoint().direction().name().toLowerCase(Locale.ROOT));
        ObjectNode st = o.putObject("statistics");
        st.put("ci_method", p.statistics().ciMethod().key());
        put(st, "level", p.statistics().level().value());
        st.put("bootstrap_replicates", p.statistics().bootstrapReplicates());
        st.put("bootstrap_seed", p.statistics().bootstrapSeed());
        ConfusionMatrix m = r.accuracy().matrix();
        ObjectNode cm = o.putObject("confusion_matrix");
        cm.put("tp", m.tp());
        cm.put("fp", m.fp());
        cm.put("tn", m.tn());
        cm.put("fn", m.fn());
        o.set("accuracy", accuracy(r.accuracy(), p));
        o.set("auc", auc(r.auc(), r.undefined()));
        o.set("auc_bootstrap", bootstrap(r.aucBootstrap(), r.undefined()));
        ArrayNode eps = o.putArray("endpoints");
        r.endpoints().forEach(e -> eps.add(endpoint(e)));
        ObjectNode sg = o.putObject("subgroups");
        sg.put("min_n_per_class", p.subgroups().minPerClass());
        r.subgroups().forEach((attribute, list) -> sg.set(attribute, subgroups(list, p)));
        o.put("task", p.task().key());
        r.segmentation().ifPresent(s -> o.set("segmentation", TaskMetricsJson.segmentation(s, p)));
        r.detection().ifPresent(d -> o.set("detection", TaskMetricsJson.detection(d, p)));
        r.grading().ifPresent(g -> o.set("grading", GradingMetricsJson.grading(g, p)));
        r.explanations().ifPresent(e -> o.set("explanations", ExplanationMetricsJson.tree(e, p)));
        r.readerStudy().ifPresent(x -> o.set("reader_study", ReaderStudyMetricsJson.tree(x)));
        return o;
    }

    private static ObjectNode accuracy(DiagnosticAccuracy a, StudyProtocol p) {
        ObjectNode o = JSON.createObjectNode();
        for (Proportion x :
                List.of(a.sensitivity(), a.specificity(), a.ppv(), a.npv(), a.accuracy())) {
            o.set(x.name(), proportion(x, p));
        }
        return o;
    }

    static ObjectNode proportion(Proportion x, StudyProtocol p) {
        ObjectNode o = JSON.createObjectNode();
        put(o, "estimate", x.estimate());
        put(o, "ci", x.interval(p.statistics().ciMethod()));
        o.put("successes", x.successes());
        o.put("trials", x.trials());
        x.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode auc(Optional<AucEstimate> auc, List<String> undefined) {
        ObjectNode o = JSON.createObjectNode();
        if (auc.isEmpty()) {
            o.putNull("estimate");
            o.putNull("ci");
            o.put("undefined", undefined.isEmpty() ? "AUC is undefined" : undefined.get(0));
            return o;
        }
        AucEstimate a = auc.get();
        put(o, "estimate", a.auc());
        put(o, "ci", a.ci());
        put(o, "se", a.se());
        put(o, "level", a.level().value());
        o.put("method", a.method());
        o.put("positives", a.positives());
        o.put("negatives", a.negatives());
        a.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode bootstrap(Optional<BootstrapInterval> b, List<String> undefined) {
        ObjectNode o = JSON.createObjectNode();
        if (b.isEmpty()) {
            o.putNull("percentile");
            o.putNull("bca");
            o.put(
                    "undefined",
                    undefined.isEmpty() ? "bootstrap is undefined" : String.join("; ", undefined));
            return o;
        }
        BootstrapInterval x = b.get();
        put(o, "estimate", x.estimate());
        put(o, "percentile", x.percentile());
        put(o, "bca", x.bca());
        put(o, "level", x.level().value());
        o.put("replicates", x.replicates());
        o.put("seed", x.seed());
        o.put("resampling", x.resampling());
        x.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode endpoint(EndpointResult e) {
        ObjectNode o = JSON.createObjectNode();
        Criterion c = e.endpoint().criterion();
        o.put("id", e.endpoint().id());
        o.put("role", e.endpoint().role().key());
        o.put("name", e.endpoint().name());
        o.put("measure", c.measure().key());
        ObjectNode k = o.putObject("criterion");
        k.put("text", c.describe());
        put(k, "estimate_min", c.estimateMin());
        put(k, "ci_lower_min", c.ciLowerMin());
        if (c.estimateMax().isPresent()) put(k, "estimate_max", c.estimateMax());
        if (c.ciUpperMax().isPresent()) put(k, "ci_upper_max", c.ciUpperMax());
        if (c.fpPerScan().isPresent()) put(k, "fp_per_scan", c.fpPerScan());
        c.gradingEndpoint().ifPresent(g -> k.put("grading_endpoint", g));
        if (c.superiorityGoal().isPresent()) {
            put(k, "superiority_goal", c.superiorityGoal());
            put(k, "alpha", c.alpha());
        }
        k.put("ci_method", c.ciMethod().key());
        put(k, "level", c.level().value());
        put(o, "estimate", e.estimate());
        put(o, "ci", e.ci());
        o.put("method", e.method());
        if (e.numerator().isPresent()) o.put("successes", e.numerator().getAsLong());
        if (e.denominator().isPresent()) o.put("trials", e.denominator().getAsLong());
        o.put("positives", e.positives());
        o.put("negatives", e.negatives());
        if (e.seed().isPresent()) o.put("bootstrap_seed", e.seed().getAsLong());
        if (e.replicates().isPresent()) o.put("bootstrap_replicates", e.replicates().getAsLong());
        if (e.pValue().isPresent()) put(o, "p_value", e.pValue());
        o.put("verdict", e.verdict().name());
        ArrayNode reasons = o.putArray("reasons");
        e.reasons().forEach(reasons::add);
        ArrayNode req = o.putArray("requirements");
        e.endpoint().requirements().forEach(req::add);
        ArrayNode rc = o.putArray("risk_controls");
        e.endpoint().riskControls().forEach(rc::add);
        return o;
    }

    private static ArrayNode subgroups(List<SubgroupResult> list, StudyProtocol p) {
        ArrayNode a = JSON.createArrayNode();
        for (SubgroupResult s : list) {
            ObjectNode o = a.addObject();
            o.put("value", s.value());
            o.put("n", s.n());
            o.put("positives", s.accuracy().matrix().positives());
            o.put("negatives", s.accuracy().matrix().negatives());
            o.set("sensitivity", proportion(s.accuracy().sensitivity(), p));
            o.set("specificity", proportion(s.accuracy().specificity(), p));
            if (s.auc().isPresent()) {
                put(o, "auc", s.auc().get().auc());
                put(o, "auc_ci", s.auc().get().ci());
            } else {
                o.putNull("auc");
                o.putNull("auc_ci");
                s.aucUndefinedReason().ifPresent(w -> o.put("auc_undefined", w));
            }
            o.put("small", s.isSmall());
            ArrayNode w = o.putArray("warnings");
            s.warnings().forEach(w::add);
        }
        return a;
    }

    static void put(ObjectNode o, String key, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("refusing to write a non-finite number for " + key);
        }
        o.put(key, v);
    }

    static void put(ObjectNode o, String key, OptionalDouble v) {
        if (v.isPresent()) put(o, key, v.getAsDouble());
        else o.putNull(key);
    }

    static void put(ObjectNode o, String key, Optional<Interval> ci) {
        if (ci.isEmpty()) {
            o.putNull(key);
            return;
        }
        ArrayNode a = o.putArray(key);
        for (double v : new double[] {ci.get().lower(), ci.get().upper()}) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("refusing to write a non-finite number for " + key);
            }
            a.add(v);
        }
    }

    static void put(ObjectNode o, String key, Interval ci) {
        put(o, key, Optional.of(ci));
    }
}
