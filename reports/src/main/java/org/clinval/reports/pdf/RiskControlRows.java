package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Tone;
import org.clinval.reports.model.RiskReport;
import org.clinval.risk.Hazard;
import org.clinval.risk.HazardControl;
import org.clinval.risk.RiskControl;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.EvidenceCheck;
import org.clinval.risk.check.Purpose;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.postproduction.Investigation;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.trace.TraceRow;

/**
 * Section 3 of the risk management report: each risk control measure with its kind, the
 * requirements that implement it, the hazards it is applied to, whether it is effective, and every
 * verification of its implementation and effectiveness with the run and scenarios behind it.
 */
final class RiskControlRows {

    /** What the verdict of a control an open investigation questions adds. */
    static final String UNDER_INVESTIGATION = "under investigation";

    private RiskControlRows() {}

    static void add(RiskRows rows, RiskReport report) {
        String run =
                report.check()
                        .runId()
                        .map(id -> "run " + id)
                        .orElse("no run: without one no scenario is verified");
        rows.section(
                3,
                "A control is effective when at least one verification of its implementation and"
                        + " one of its effectiveness are listed and every one of them passed ("
                        + run
                        + "): verified by study when every verification is a scenario, verified"
                        + " by record when a signed record is cited and its file still has the"
                        + " SHA-256 the risk file states; otherwise it is not verified. A control"
                        + " that is not effective counts as absent in the residual risks (ISO"
                        + " 14971:2019 \u00a77.2)."
                        + (report.check().postProduction().given()
                                ? " A control is under investigation while a post-market"
                                        + " investigation is open on an alarm whose metric"
                                        + " verifies it (\u00a710)."
                                : ""));
        rows.table(null, null);
        for (ControlAssessment c : report.check().controls()) {
            control(rows.add("control"), c, report);
            String runId = report.check().runId().orElse("");
            evidence(
                    rows,
                    Purpose.IMPLEMENTATION,
                    c.implementation(),
                    c.implementationRecords(),
                    runId);
            evidence(
                    rows,
                    Purpose.EFFECTIVENESS,
                    c.effectiveness(),
                    c.effectivenessRecords(),
                    runId);
            records(rows, c.records());
        }
    }

    private static void control(Map<String, Object> row, ControlAssessment c, RiskReport report) {
        RiskControl control = c.control();
        row.put("ctId", control.id());
        row.put("ctKind", RiskText.kind(control.kind()));
        row.put("ctDescription", control.description());
        row.put("ctRequirements", String.join("\n", control.requirements()));
        // Styled markup: the verification status in a smaller type fits the column on one line.
        String verdict =
                RiskRows.markup(RiskText.effective(c.effective()))
                        + "\n<style size=\"7\" isBold=\"false\">"
                        + RiskRows.markup(RiskText.verification(c.verification()))
                        + "</style>";
        Tone tone = RiskText.tone(c.verification());
        if (c.isUnderInvestigation()) {
            verdict += "\n" + RiskRows.markup(UNDER_INVESTIGATION);
            tone = c.effective() ? Tone.WARN : tone;
        }
        row.put("ctVerdict", verdict);
        row.put("tone", tone.key());
        List<String> applied = new ArrayList<>();
        for (Hazard h : report.file().register().hazardsControlledBy(control.id())) {
            for (HazardControl hc : h.controls()) {
                if (hc.control().equals(control.id())) {
                    applied.add(h.id() + " (" + RiskText.reduction(hc) + ")");
                }
            }
        }
        row.put(
                "ctHazards",
                "Applied to: " + (applied.isEmpty() ? "no hazard" : String.join(", ", applied)));
        if (!control.introduces().isEmpty()) {
            row.put("ctIntroduces", "Introduces: " + String.join(", ", control.introduces()));
        }
        List<String> notes = new ArrayList<>();
        if (c.isUnderInvestigation()) {
            notes.add(underInvestigation(c, report));
        }
        if (!c.effective()) {
            notes.add("Not effective: " + String.join("; ", c.reasons()) + ".");
        }
        if (!notes.isEmpty()) {
            row.put("ctReasons", String.join("\n", notes));
        }
        // The records a control verified by record rests on, in the neutral note under it.
        List<String> measured = new ArrayList<>();
        for (RecordCheck r : c.verifyingRecords()) {
            measured.add("Verified by record: " + RiskText.record(r) + ".");
        }
        measured.addAll(measured(report, control.id()));
        if (!measured.isEmpty()) {
            row.put("ctMeasured", String.join("\n", measured));
        }
    }

    /**
     * Returns {@code Under investigation: INV-0001 (cusum on sensitivity, …): …}, naming each open
     * investigation that questions the control.
     */
    static String underInvestigation(ControlAssessment c, RiskReport report) {
        List<String> open = new ArrayList<>();
        for (String id : c.underInvestigation()) {
            open.add(
                    report.check().postProduction().investigations().stream()
                            .filter(i -> i.id().equals(id))
                            .map(Investigation::describe)
                            .findFirst()
                            .orElse(id));
        }
        return "Under investigation: "
                + String.join("; ", open)
                + ". Post-production information questions its effectiveness until the"
                + (open.size() == 1 ? " investigation is" : " investigations are")
                + " closed (ISO 14971:2019 \u00a710).";
    }

    /** The measured values behind the control, with the signature on them, once each. */
    private static List<String> measured(RiskReport report, String control) {
        Set<Measurement> ms = new LinkedHashSet<>();
        for (TraceRow t : report.matrix().rows()) {
            if (t.control().equals(Optional.of(control))) {
                ms.addAll(t.measurements());
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> signatures = new LinkedHashSet<>();
        for (Measurement m : ms) {
            out.add("Measured: " + RiskText.measurement(m));
            m.signature().ifPresent(s -> signatures.addAll(List.of(s.split("\n"))));
        }
        signatures.forEach(s -> out.add("Signed: " + s));
        return out;
    }

    /** One row per cited record: its title, file, SHA-256 prefix, signer, and the hash check. */
    private static void records(RiskRows rows, List<RecordCheck> records) {
        for (RecordCheck r : records) {
            Map<String, Object> row = rows.add("evidence");
            row.put("evPurpose", r.purpose().key());
            row.put("evReference", RiskText.recordTitle(r.record()));
            row.put("evScenarios", "Record: " + RiskText.recordFile(r.record()));
            row.put("evResult", RiskText.record(r.status()));
            row.put("tone", RiskText.tone(r.status()).key());
            if (!r.passed()) {
                row.put("evDetail", r.detail() + ": the record verifies nothing.");
            }
        }
    }

    private static void evidence(
            RiskRows rows,
            Purpose purpose,
            List<EvidenceCheck> checks,
            List<RecordCheck> records,
            String runId) {
        if (checks.isEmpty() && !records.isEmpty()) {
            return;
        }
        if (checks.isEmpty()) {
            Map<String, Object> row = rows.add("evidence");
            row.put("evPurpose", purpose.key());
            row.put("evReference", "none listed");
            row.put("evResult", RiskText.MISSING);
            row.put("tone", Tone.WARN.key());
            row.put(
                    "evDetail",
                    "The risk file lists no verification of the " + purpose.key() + ".");
            return;
        }
        for (EvidenceCheck e : checks) {
            Map<String, Object> row = rows.add("evidence");
            row.put("evPurpose", purpose.key());
            row.put(
                    "evReference",
                    e.reference().describe() + (e.declared() ? "" : " (found by its tag)"));
            if (!e.scenarios().isEmpty()) {
                row.put(
                        "evScenarios",
                        e.scenarios().stream()
                                .map(s -> "Run " + runId + ": " + scenario(s))
                                .collect(Collectors.joining("\n")));
            }
            row.put("evResult", RiskText.evidence(e.status()));
            row.put("tone", RiskText.tone(e.status()).key());
            if (!e.passed()) {
                row.put("evDetail", e.detail());
            }
        }
    }

    /** Returns {@code feature:line "name" status}, e.g. for the evidence's scenario list. */
    static String scenario(ScenarioResult s) {
        return RiskText.location(s) + " \u201c" + s.name() + "\u201d " + s.status().key();
    }
}
