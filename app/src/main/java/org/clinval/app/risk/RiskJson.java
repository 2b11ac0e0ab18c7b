package org.clinval.app.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.clinval.app.cli.Json;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Hazard;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.RiskManagementPlan;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.ControlEffect;
import org.clinval.risk.check.EvidenceCheck;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.OverallResidualRisk;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.check.RiskAssessment;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.trace.TraceRow;
import org.clinval.risk.trace.TraceabilityMatrix;

/** The JSON of {@code clinval risk check}. */
final class RiskJson {

    private RiskJson() {}

    static ObjectNode report(RiskCheckReport r) {
        RiskManagementFile f = r.file();
        RiskManagementPlan plan = f.plan();
        ObjectNode o = Json.object();
        ObjectNode rf = o.putObject("risk_file");
        rf.put("id", f.register().id());
        rf.put("title", f.register().title());
        rf.put("file", f.sources().register());
        ObjectNode p = o.putObject("plan");
        p.put("id", plan.id());
        p.put("title", plan.title());
        plan.version().ifPresentOrElse(v -> p.put("version", v), () -> p.putNull("version"));
        p.put("file", f.sources().plan());
        ObjectNode rq = o.putObject("requirements");
        rq.put("count", f.requirements().size());
        rq.put("file", f.sources().requirements());
        if (r.runId().isPresent()) {
            ObjectNode run = o.putObject("run");
            run.put("id", r.runId().get());
            run.put("location", r.resultsLocation().orElse(""));
        } else {
            o.putNull("run");
        }
        o.set("overall_residual_risk", overall(r.overall(), plan));
        ArrayNode gaps = o.putArray("gaps");
        for (Gap g : r.gaps()) {
            ObjectNode n = gaps.addObject();
            n.put("kind", g.kind().key());
            n.put("subject", g.subject());
            n.put("message", g.message());
        }
        ArrayNode risks = o.putArray("risks");
        r.risks().forEach(a -> risks.add(risk(a, plan)));
        ArrayNode controls = o.putArray("controls");
        r.controls().forEach(c -> controls.add(control(c)));
        ArrayNode reqs = o.putArray("requirement_evidence");
        r.requirements().forEach(e -> reqs.add(evidence(e)));
        ArrayNode reqRecords = o.putArray("requirement_records");
        r.requirementRecords().forEach(c -> reqRecords.add(record(c).put("subject", c.subject())));
        return o;
    }

    private static ObjectNode overall(OverallResidualRisk overall, RiskManagementPlan plan) {
        ObjectNode o = Json.object();
        o.put("verdict", overall.verdict().key());
        o.put("statement", overall.statement());
        ArrayNode reasons = o.putArray("reasons");
        overall.reasons().forEach(reasons::add);
        ObjectNode counts = o.putObject("residual_counts");
        for (Map.Entry<Acceptability, Integer> e : overall.residualCounts().entrySet()) {
            counts.put(e.getKey().key(), e.getValue());
        }
        o.put("max_investigate", plan.overall().maxInvestigate());
        o.put(
                "accept_unacceptable_with_benefit_risk",
                plan.overall().acceptUnacceptableWithBenefitRisk());
        o.put("method", overall.method());
        return o;
    }

    private static ObjectNode risk(RiskAssessment a, RiskManagementPlan plan) {
        Hazard h = a.hazard();
        ObjectNode o = Json.object();
        o.put("id", h.id());
        o.put("hazard", h.hazard());
        o.put("harm", h.harm());
        o.set("initial", estimate(h.initial(), a.initialAcceptability()));
        o.set("residual_claimed", estimate(h.residual(), a.claimedAcceptability()));
        o.set("residual", estimate(a.residual(), a.residualAcceptability()));
        o.put("raised", a.raised());
        ArrayNode controls = o.putArray("controls");
        for (ControlEffect c : a.controls()) {
            ObjectNode n = controls.addObject();
            n.put("id", c.control());
            n.put("kind", c.kind().key());
            n.put("effective", c.effective());
            ObjectNode red = n.putObject("reduces");
            c.reduction().severity().ifPresent(l -> red.put("severity", l.id()));
            c.reduction().probability().ifPresent(l -> red.put("probability", l.id()));
        }
        text(o, "reduction_rationale", h.reductionRationale());
        text(o, "benefit_risk", h.benefitRisk());
        return o;
    }

    private static ObjectNode estimate(RiskEstimate e, Acceptability a) {
        ObjectNode o = Json.object();
        o.put("severity", e.severity().id());
        o.put("severity_name", e.severity().name());
        o.put("probability", e.probability().id());
        o.put("probability_name", e.probability().name());
        o.put("acceptability", a.key());
        return o;
    }

    private static ObjectNode control(ControlAssessment c) {
        ObjectNode o = Json.object();
        o.put("id", c.id());
        o.put("kind", c.control().kind().key());
        o.put("effective", c.effective());
        o.put("verification", c.verification().key());
        ArrayNode under = o.putArray("under_investigation");
        c.underInvestigation().forEach(under::add);
        ArrayNode req = o.putArray("requirements");
        c.control().requirements().forEach(req::add);
        ArrayNode reasons = o.putArray("reasons");
        c.reasons().forEach(reasons::add);
        ArrayNode impl = o.putArray("implementation");
        c.implementation().forEach(e -> impl.add(evidence(e)));
        ArrayNode eff = o.putArray("effectiveness");
        c.effectiveness().forEach(e -> eff.add(evidence(e)));
        ArrayNode records = o.putArray("records");
        c.records().forEach(r -> records.add(record(r)));
        return o;
    }

    private static ObjectNode record(RecordCheck c) {
        ObjectNode o = Json.object();
        o.put("purpose", c.purpose().key());
        o.put("file", c.record().file());
        o.put("sha256", c.record().sha256());
        o.put("kind", c.record().kind().key());
        o.put("title", c.record().title());
        o.put("signed_by", c.record().signedBy());
        o.put("signed_on", c.record().signedOn().toString());
        o.put("status", c.status().key());
        text(o, "file_sha256", c.actualSha256());
        o.put("detail", c.detail());
        return o;
    }

    private static ObjectNode evidence(EvidenceCheck e) {
        ObjectNode o = Json.object();
        o.put("subject", e.subject());
        o.put("purpose", e.purpose().key());
        o.put("reference", e.reference().describe());
        o.put("declared", e.declared());
        o.put("status", e.status().key());
        o.put("detail", e.detail());
        ArrayNode s = o.putArray("scenarios");
        e.scenarios().forEach(x -> s.add(scenario(x)));
        return o;
    }

    private static ObjectNode scenario(ScenarioResult s) {
        ObjectNode o = Json.object();
        o.put("feature", s.featurePath());
        o.put("line", s.line());
        o.put("name", s.name());
        o.put("status", s.status().key());
        text(o, "failure", s.failure());
        return o;
    }

    static ArrayNode traceability(TraceabilityMatrix m) {
        ArrayNode rows = Json.array();
        for (TraceRow r : m.rows()) {
            ObjectNode o = rows.addObject();
            text(o, "requirement", r.requirement());
            text(o, "hazard", r.hazard());
            text(o, "control", r.control());
            text(o, "purpose", r.purpose().map(x -> x.key()));
            text(o, "reference", r.reference().map(x -> x.describe()));
            text(o, "record", r.record().map(x -> x.record().file()));
            text(o, "record_status", r.record().map(x -> x.status().key()));
            text(o, "feature", r.scenario().map(ScenarioResult::featurePath));
            text(o, "scenario", r.scenario().map(ScenarioResult::name));
            text(o, "scenario_status", r.scenarioStatus().map(x -> x.key()));
            text(o, "evidence_status", r.status().map(x -> x.key()));
            text(o, "run", r.run());
            ArrayNode ms = o.putArray("measurements");
            r.measurements().forEach(x -> ms.add(measurement(x)));
        }
        return rows;
    }

    private static ObjectNode measurement(Measurement m) {
        ObjectNode o = Json.object();
        o.put("source", m.source());
        o.put("name", m.name());
        Json.put(o, "estimate", m.estimate());
        Json.put(o, "ci", m.ci());
        Json.put(o, "level", m.level());
        o.put("method", m.method());
        text(o, "verdict", m.verdict());
        text(o, "signature", m.signature());
        return o;
    }

    /** Puts the text or {@code null}, so that every row has every key. */
    private static void text(ObjectNode o, String key, Optional<String> value) {
        if (value.isPresent()) {
            o.put(key, value.get());
        } else {
            o.putNull(key);
        }
    }
}
