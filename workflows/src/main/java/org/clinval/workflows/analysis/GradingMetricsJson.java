package org.clinval.workflows.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.multiclass.ClassAccuracy;
import org.clinval.validation.multiclass.HandTillAuc;
import org.clinval.validation.multiclass.OneVsOne;
import org.clinval.validation.multiclass.OneVsRest;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.workflows.protocol.GradingSettings;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The {@code grading} section of {@code metrics.json}, with the rules of {@link MetricsJson}: an
 * undefined value is {@code null} with its reason beside it. Proportions carry their exact
 * (Clopper–Pearson) interval, as the superiority tests they go with.
 */
final class GradingMetricsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BinomialInterval EXACT = BinomialInterval.CLOPPER_PEARSON;

    private GradingMetricsJson() {}

    static ObjectNode grading(GradingResults r, StudyProtocol p) {
        GradingSettings s = p.grading().orElseThrow();
        ObjectNode o = JSON.createObjectNode();
        ArrayNode grades = o.putArray("grades");
        r.grades().forEach(grades::add);
        o.put("cases", r.confusion().n());
        MetricsJson.put(o, "level", p.statistics().level().value());
        ObjectNode ref = o.putObject("reference");
        ref.put("rule", s.reference().rule().key());
        ArrayNode graders = ref.putArray("graders");
        s.reference().graders().forEach(graders::add);
        s.reference().column().ifPresent(c -> ref.put("column", c));
        ObjectNode cl = o.putObject("case_level");
        String min = s.scale().name(s.caseLevel().minGrade());
        cl.put("endpoint", s.caseLevel().id());
        cl.put("label", "truth_grade >= " + min);
        cl.put("score", "probability of a grade >= " + min + " (sum of p_<grade>)");
        cl.put("prediction", "predicted_grade >= " + min);
        o.set("confusion_matrix", confusion(r.confusion()));
        ObjectNode kappa = o.putObject("kappa");
        for (Map.Entry<KappaWeights, KappaEstimate> e : r.kappas().entrySet()) {
            kappa.set(e.getKey().key(), kappa(e.getValue()));
        }
        ArrayNode classes = o.putArray("classes");
        for (ClassAccuracy c : r.classes()) {
            ObjectNode x = classes.addObject();
            x.put("grade", c.name());
            x.put("index", c.index());
            x.put("n", c.sensitivity().trials());
            x.set("sensitivity", proportion(c.sensitivity()));
            x.set("specificity", proportion(c.specificity()));
            x.set("auc", auc(c));
        }
        ObjectNode macro = o.putObject("auc_macro");
        MetricsJson.put(macro, "estimate", r.macroAuc());
        macro.put("method", "unweighted mean of the one-vs-rest AUCs of the observed grades");
        macro.put("classes", r.classes().stream().filter(c -> c.auc().isPresent()).count());
        if (r.macroAuc().isEmpty()) {
            macro.put("undefined", "fewer than two grades are observed");
        }
        ObjectNode weighted = o.putObject("auc_weighted");
        MetricsJson.put(weighted, "estimate", OneVsRest.weightedAuc(r.classes()));
        weighted.put(
                "method",
                "one-vs-rest AUCs weighted by the grade's case count (sklearn roc_auc_score,"
                        + " multi_class='ovr', average='weighted')");
        if (OneVsRest.weightedAuc(r.classes()).isEmpty()) {
            weighted.put("undefined", "fewer than two grades are observed");
        }
        o.set("auc_one_vs_one", oneVsOne(r));
        o.set("auc_hand_till", handTill(r.handTill()));
        ArrayNode eps = o.putArray("endpoints");
        for (GradingResults.Cut c : r.endpoints()) {
            ObjectNode x = eps.addObject();
            x.put("id", c.endpoint().id());
            x.put("name", c.endpoint().name());
            x.put("min_grade", s.scale().name(c.endpoint().minGrade()));
            x.put("min_grade_index", c.endpoint().minGrade());
            x.put("case_level", c.endpoint().equals(s.caseLevel()));
            x.set("sensitivity", proportion(c.cut().sensitivity()));
            x.set("specificity", proportion(c.cut().specificity()));
            ArrayNode sup = x.putArray("superiority");
            for (GradingResults.Superiority t : c.superiority()) {
                ObjectNode y = sup.addObject();
                y.put("endpoint", t.studyEndpoint());
                y.put("measure", t.measure());
                MetricsJson.put(y, "goal", t.test().goal());
                MetricsJson.put(y, "alpha", t.alpha());
                y.put("successes", t.test().successes());
                y.put("trials", t.test().trials());
                MetricsJson.put(y, "estimate", t.test().estimate());
                MetricsJson.put(y, "p_value", t.test().p());
                MetricsJson.put(y, "lower_bound", t.test().lowerBound());
                MetricsJson.put(y, "lower_bound_level", t.test().level().value());
                y.put("superior", t.superior());
                y.put("method", t.test().method());
            }
        }
        ArrayNode inter = o.putArray("inter_grader");
        for (GradingResults.GraderAgreement a : r.interGrader()) {
            ObjectNode x = kappa(a.kappa());
            x.put("first", a.first());
            x.put("second", a.second());
            inter.add(x);
        }
        if (r.interGrader().isEmpty() && !s.reference().graders().isEmpty()) {
            o.put(
                    "inter_grader_undefined",
                    "no two graders graded a common row of the ground truth, or it was not at hand");
        }
        return o;
    }

    private static ObjectNode confusion(AgreementTable t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rows", "reference grade");
        o.put("columns", "model grade");
        ArrayNode counts = o.putArray("counts");
        long[][] c = t.counts();
        for (long[] row : c) {
            ArrayNode a = counts.addArray();
            for (long v : row) a.add(v);
        }
        return o;
    }

    static ObjectNode kappa(KappaEstimate k) {
        ObjectNode o = JSON.createObjectNode();
        o.put("weights", k.weights().key());
        MetricsJson.put(o, "estimate", k.kappa());
        MetricsJson.put(o, "se", k.se());
        MetricsJson.put(o, "ci", k.ci());
        MetricsJson.put(o, "level", k.level().value());
        o.put("n", k.n());
        MetricsJson.put(o, "observed_agreement", k.observedAgreement());
        MetricsJson.put(o, "expected_agreement", k.expectedAgreement());
        o.put("method", k.method());
        k.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode proportion(Proportion x) {
        ObjectNode o = JSON.createObjectNode();
        MetricsJson.put(o, "estimate", x.estimate());
        MetricsJson.put(o, "ci", x.interval(EXACT));
        o.put("ci_method", EXACT.key());
        o.put("successes", x.successes());
        o.put("trials", x.trials());
        x.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode auc(ClassAccuracy c) {
        ObjectNode o = JSON.createObjectNode();
        if (c.auc().isEmpty()) {
            o.putNull("estimate");
            o.putNull("ci");
            c.aucUndefinedReason().ifPresent(w -> o.put("undefined", w));
            return o;
        }
        AucEstimate a = c.auc().get();
        MetricsJson.put(o, "estimate", a.auc());
        MetricsJson.put(o, "se", a.se());
        MetricsJson.put(o, "ci", a.ci());
        MetricsJson.put(o, "level", a.level().value());
        o.put("method", a.method() + ", one vs rest");
        o.put("positives", a.positives());
        o.put("negatives", a.negatives());
        a.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    /** Macro (Hand-Till) and pair-prevalence-weighted one-vs-one AUCs. */
    private static ObjectNode oneVsOne(GradingResults r) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (ClassAccuracy c : r.classes()) counts.put(c.name(), c.sensitivity().trials());
        OneVsOne.Auc a = OneVsOne.of(r.handTill(), counts);
        ObjectNode o = JSON.createObjectNode();
        MetricsJson.put(o, "macro", a.macro());
        MetricsJson.put(o, "weighted", a.weighted());
        o.put(
                "method",
                "mean of the pair AUCs (the Hand-Till AUC) and their mean weighted by the pair's"
                        + " case count (sklearn roc_auc_score, multi_class='ovo')");
        a.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode handTill(HandTillAuc h) {
        ObjectNode o = JSON.createObjectNode();
        MetricsJson.put(o, "estimate", h.auc());
        ObjectNode pairs = o.putObject("pairs");
        h.pairs().forEach((k, v) -> MetricsJson.put(pairs, k, v));
        ArrayNode obs = o.putArray("observed_grades");
        h.observed().forEach(obs::add);
        o.put("method", h.method());
        h.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }
}
