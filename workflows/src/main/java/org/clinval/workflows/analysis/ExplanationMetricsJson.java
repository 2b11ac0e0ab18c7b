package org.clinval.workflows.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clinval.validation.interval.MeanInterval;
import org.clinval.workflows.protocol.ExplanationSettings;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The {@code explanations} section of {@code metrics.json}, with the rules of {@link MetricsJson}:
 * an undefined value is {@code null} with its reason beside it.
 */
final class ExplanationMetricsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplanationMetricsJson() {}

    static ObjectNode tree(ExplanationResults r, StudyProtocol p) {
        ExplanationSettings s = r.settings();
        ObjectNode o = JSON.createObjectNode();
        o.put("method", s.method());
        ArrayNode kinds = o.putArray("cases");
        s.cases().forEach(kinds::add);
        o.put("per_kind", s.perKind());
        o.put("seed", s.seed());
        o.put("tolerance_px", s.tolerancePx());
        MetricsJson.put(o, "level", p.statistics().level().value());
        o.put("file", ExplanationsCsv.FILE);
        o.put("drawn", r.rows().size());
        o.put("failed", r.failed());
        ObjectNode pg = pointing(r.pointing());
        if (r.pointing().trials() == 0) {
            pg.put("undefined", "no explained case has a lesion mask");
        }
        o.set("pointing_game", pg);
        ObjectNode byKind = o.putObject("pointing_game_by_kind");
        r.pointingByKind().forEach((k, g) -> byKind.set(k, pointing(g)));
        ObjectNode e = o.putObject("energy_in_mask");
        e.put("defined", r.energyDefined());
        e.put("undefined", r.energyUndefined());
        e.put("ci_method", "student_t");
        if (r.energy().isPresent()) {
            MeanInterval m = r.energy().get();
            MetricsJson.put(e, "mean", m.mean());
            MetricsJson.put(e, "sd", m.sd());
            MetricsJson.put(e, "ci", m.interval().clip(0, 1));
        } else {
            e.putNull("mean");
            e.putNull("ci");
            e.put(
                    "undefined_reason",
                    r.undefined().stream()
                            .filter(u -> u.contains("energy"))
                            .findFirst()
                            .orElse("undefined"));
        }
        ArrayNode maps = o.putArray("maps");
        for (ExplanationRow x : r.rows()) {
            ObjectNode m = maps.addObject();
            m.put("case_id", x.caseId());
            m.put("kind", x.kind());
            m.put("target", x.target());
            if (x.pointingHit().isPresent()) m.put("pointing_hit", x.pointingHit().get());
            else m.putNull("pointing_hit");
            MetricsJson.put(m, "energy_in_mask", x.energyInMask());
            m.put("folder", ExplanationsCsv.FOLDER + "/" + x.folder());
            if (!x.explained()) m.put("problem", x.problem());
        }
        return o;
    }

    private static ObjectNode pointing(ExplanationResults.PointingGame g) {
        ObjectNode o = JSON.createObjectNode();
        o.put("hits", g.hits());
        o.put("trials", g.trials());
        o.put("no_lesion", g.noLesion());
        MetricsJson.put(o, "rate", g.rate());
        MetricsJson.put(o, "ci", g.ci());
        o.put("ci_method", "clopper_pearson");
        return o;
    }
}
