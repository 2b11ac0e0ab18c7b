package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinval.reports.internal.Palette;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Tone;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Hazard;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.check.ControlEffect;
import org.clinval.risk.check.RiskAssessment;
import org.clinval.risk.check.RiskCheckReport;

/**
 * Section 2 of the risk management report: where the hazards fall on the matrix before control and
 * after it, then each hazard with its sequence of events, hazardous situation and harm, its initial
 * risk, the residual risk the register claims and the residual risk verified, its controls and
 * their effectiveness.
 */
final class RiskEvaluationRows {

    private RiskEvaluationRows() {}

    static void add(RiskRows rows, RiskCheckReport check) {
        rows.section(
                2,
                "Each hazard with its sequence of events, hazardous situation and harm (ISO"
                        + " 14971:2019 \u00a75.4), its risk before control (\u00a75.5), the"
                        + " residual risk the register claims with every control effective, and"
                        + " the residual risk verified"
                        + check.runId().map(id -> " in run " + id).orElse("")
                        + ": with the reductions of the effective controls only (\u00a77.3).");
        List<RiskAssessment> risks = check.risks();
        rows.table(
                "Initial risks on the matrix",
                "The hazards in the cell of their risk before any risk control.");
        profile(rows, check, risks, r -> r.hazard().initial());
        rows.table(
                "Residual risks on the matrix",
                "The hazards in the cell of their residual risk with the effective controls"
                        + " only.");
        profile(rows, check, risks, RiskAssessment::residual);
        rows.table(null, null);
        for (int i = 0; i < risks.size(); i++) {
            Map<String, Object> row = rows.add("hazard");
            if (i == 0) {
                // The first hazard prints the table's title and header with it, on one page.
                row.put("hzFirst", "Hazards");
            }
            hazard(row, risks.get(i));
        }
    }

    private static void profile(
            RiskRows rows,
            RiskCheckReport check,
            List<RiskAssessment> risks,
            Function<RiskAssessment, RiskEstimate> risk) {
        RiskPlanRows.grid(
                rows,
                check.file().plan(),
                (s, p) ->
                        risks.stream()
                                .filter(
                                        r ->
                                                risk.apply(r).severity().equals(s)
                                                        && risk.apply(r).probability().equals(p))
                                .map(RiskAssessment::id)
                                .collect(Collectors.joining(", ")));
    }

    private static void hazard(Map<String, Object> row, RiskAssessment r) {
        Hazard h = r.hazard();
        row.put("hzId", h.id());
        row.put("hzHazard", h.hazard());
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < h.sequenceOfEvents().size(); i++) {
            steps.add((i + 1) + ". " + h.sequenceOfEvents().get(i));
        }
        row.put("hzSequence", steps.isEmpty() ? "none recorded" : String.join("\n", steps));
        row.put("hzSituation", h.hazardousSituation());
        row.put("hzHarm", h.harm());
        chip(row, "hzInitial", h.initial(), r.initialAcceptability());
        chip(row, "hzClaimed", h.residual(), r.claimedAcceptability());
        chip(row, "hzResidual", r.residual(), r.residualAcceptability());
        row.put("hzControls", controls(r));
        if (r.raised()) {
            row.put(
                    "hzRaised",
                    "Residual risk raised to "
                            + r.residual().label()
                            + " ("
                            + RiskText.region(r.residualAcceptability())
                            + ") from the "
                            + h.residual().label()
                            + " the register claims: "
                            + String.join(", ", r.notEffective())
                            + (r.notEffective().size() == 1 ? " is" : " are")
                            + " not effective.");
        }
        List<String> why = new ArrayList<>();
        h.reductionRationale()
                .ifPresent(t -> why.add("Why no further risk control is practicable: " + t));
        h.benefitRisk().ifPresent(t -> why.add("Benefit-risk analysis (\u00a77.4): " + t));
        if (!why.isEmpty()) {
            row.put("hzJustification", String.join("\n", why));
        }
    }

    private static void chip(
            Map<String, Object> row, String key, RiskEstimate risk, Acceptability region) {
        row.put(key, RiskText.risk(risk) + "\n" + RiskText.region(region));
        row.put(key + "Region", RiskText.region(region));
    }

    /** One line per control, in styled markup: id, kind, reduction, effectiveness. */
    private static String controls(RiskAssessment r) {
        if (r.controls().isEmpty()) {
            return RiskRows.markup("No risk control measure is applied.");
        }
        List<String> lines = new ArrayList<>();
        for (ControlEffect c : r.controls()) {
            Tone tone = c.effective() ? Tone.GOOD : Tone.BAD;
            lines.add(
                    "<style isBold=\"true\">"
                            + RiskRows.markup(c.control())
                            + "</style> "
                            + RiskRows.markup(
                                    RiskText.kind(c.kind())
                                            + " \u00b7 "
                                            + RiskText.reduction(c.reduction())
                                            + " \u00b7 ")
                            + RiskRows.coloured(
                                    RiskText.effective(c.effective()), Palette.hex(tone.ink())));
        }
        return String.join("\n", lines);
    }
}
