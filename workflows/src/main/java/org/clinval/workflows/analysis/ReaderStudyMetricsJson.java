package org.clinval.workflows.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.clinval.workflows.protocol.ReaderStudySettings;
import org.clinval.workflows.readers.ReaderStudyCheck;
import org.clinval.workflows.readers.ReadsCopy;

/**
 * The {@code reader_study} section of {@code metrics.json}, with the rules of {@link MetricsJson}:
 * an undefined value is {@code null} with its reason beside it, never NaN.
 */
final class ReaderStudyMetricsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReaderStudyMetricsJson() {}

    static ObjectNode tree(ReaderStudyResults r) {
        ReaderStudySettings s = r.settings();
        ObjectNode o = JSON.createObjectNode();
        o.put("file", ReadsCopy.FILE);
        o.put("unaided", s.unaided());
        o.put("aided", s.aided());
        o.put("analysis", s.analysis().key());
        if (s.covariance().isPresent()) {
            o.put("covariance", s.covariance().get().name().toLowerCase(Locale.ROOT));
        }
        o.put("readers_factor", s.readersFactor());
        o.put("cases_factor", s.casesFactor());
        o.put("method", r.method());
        MetricsJson.put(o, "level", r.level().value());
        if (r.design().isPresent()) {
            o.put("design", ReaderStudyCheck.label(r.design().get()).replace(' ', '_'));
        } else {
            o.putNull("design");
        }
        ArrayNode readers = o.putArray("readers");
        r.readers().forEach(readers::add);
        ObjectNode cases = o.putObject("cases");
        cases.put("positive", r.positives());
        cases.put("negative", r.negatives());
        ObjectNode reads = o.putObject("reads");
        reads.put("in", r.readsIn());
        reads.put("analysed", r.readsAnalysed());
        reads.put("excluded", r.readsExcluded());
        ArrayNode why = reads.putArray("excluded_by_reason");
        for (ReaderStudyResults.Exclusion x : r.excluded()) {
            ObjectNode e = why.addObject();
            e.put("reason", x.reason());
            e.put("reads", x.reads());
            e.put("cases", x.cases());
        }
        ObjectNode auc = o.putObject("auc");
        auc.set(s.unaided(), value(r.unaided()));
        auc.set(s.aided(), value(r.aided()));
        o.set("difference", value(r.difference()));
        o.put("difference_of", s.aided() + " - " + s.unaided());
        ArrayNode per = o.putArray("per_reader");
        for (ReaderStudyResults.ReaderAuc a : r.perReader()) {
            ObjectNode x = per.addObject();
            x.put("reader", a.reader());
            MetricsJson.put(x, "auc_" + s.unaided(), a.unaided());
            MetricsJson.put(x, "auc_" + s.aided(), a.aided());
        }
        ObjectNode comp = o.putObject("variance_components");
        r.components()
                .forEach(
                        (k, v) -> {
                            if (Double.isFinite(v)) comp.put(k, v);
                            else comp.putNull(k);
                        });
        r.undefinedReason().ifPresent(u -> o.put("undefined", u));
        if (s.threshold().isPresent()) {
            MetricsJson.put(o, "threshold", s.threshold().getAsDouble());
            o.put("rule", s.rule().symbol());
        }
        r.sensitivity().ifPresent(p -> o.set("sensitivity", proportion(s, p)));
        r.specificity().ifPresent(p -> o.set("specificity", proportion(s, p)));
        return o;
    }

    /**
     * The readers' sensitivity or specificity: each modality's proportion with its interval, the
     * difference aided − unaided with its interval, z and p, and each reader's proportions.
     */
    private static ObjectNode proportion(ReaderStudySettings s, ReaderStudyResults.Proportion p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("method", p.method());
        o.put("cases", p.cases());
        ObjectNode modalities = o.putObject("estimate");
        modalities.set(s.unaided(), single(p.unaided()));
        modalities.set(s.aided(), single(p.aided()));
        ObjectNode d = o.putObject("difference");
        MetricsJson.put(d, "estimate", p.difference().estimate());
        MetricsJson.put(d, "se", p.difference().se());
        MetricsJson.put(d, "ci", p.difference().ci());
        MetricsJson.put(d, "z", p.difference().statistic());
        MetricsJson.put(d, "p", p.difference().p());
        p.difference().undefinedReason().ifPresent(u -> d.put("undefined", u));
        o.put("difference_of", s.aided() + " - " + s.unaided());
        ArrayNode per = o.putArray("per_reader");
        for (ReaderStudyResults.ReaderValue v : p.perReader()) {
            ObjectNode x = per.addObject();
            x.put("reader", v.reader());
            // Named like the AUCs' auc_<modality>, so no modality name can clash with "reader".
            MetricsJson.put(x, p.measure() + "_" + s.unaided(), v.unaided());
            MetricsJson.put(x, p.measure() + "_" + s.aided(), v.aided());
        }
        p.undefinedReason().ifPresent(u -> o.put("undefined", u));
        return o;
    }

    private static ObjectNode single(ReaderStudyResults.MrmcValue v) {
        ObjectNode o = JSON.createObjectNode();
        MetricsJson.put(o, "estimate", v.estimate());
        MetricsJson.put(o, "se", v.se());
        MetricsJson.put(o, "ci", v.ci());
        v.undefinedReason().ifPresent(u -> o.put("undefined", u));
        return o;
    }

    private static ObjectNode value(ReaderStudyResults.MrmcValue v) {
        ObjectNode o = JSON.createObjectNode();
        MetricsJson.put(o, "estimate", v.estimate());
        MetricsJson.put(o, "se", v.se());
        MetricsJson.put(o, "ci", v.ci());
        MetricsJson.put(o, "df", v.df());
        MetricsJson.put(o, "statistic", v.statistic());
        MetricsJson.put(o, "p", v.p());
        v.undefinedReason().ifPresent(u -> o.put("undefined", u));
        return o;
    }
}
