package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.RiskReport;
import org.clinval.risk.check.EvidenceStatus;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.results.ScenarioStatus;
import org.clinval.risk.trace.TraceRow;

/**
 * Section 4 of the risk management report: the traceability matrix, one numbered printed row per
 * row of the {@link org.clinval.risk.trace.TraceabilityMatrix}, in its order.
 */
final class RiskTraceRows {

    private RiskTraceRows() {}

    static void add(RiskRows rows, RiskReport report) {
        List<TraceRow> trace = report.matrix().rows();
        rows.section(
                4,
                trace.size()
                        + " rows: for each requirement, each control it implements \u00d7 each"
                        + " hazard the control is applied to \u00d7 each verification \u00d7 each"
                        + " scenario it matched, and each signed record the control cites, then"
                        + " the requirement's own verification; hazards without a control close"
                        + " the table. "
                        + report.check()
                                .runId()
                                .map(
                                        id ->
                                                "Results of run "
                                                        + id
                                                        + report.check()
                                                                .resultsLocation()
                                                                .map(l -> ", read from " + l)
                                                                .orElse("")
                                                        + ". ")
                                .orElse(
                                        "No study run was given: no scenario is verified; a"
                                                + " signed record is checked by its SHA-256"
                                                + " alone. ")
                        + "Measured: the source (e.g. the endpoint) and its estimate, with the"
                        + " confidence interval in parentheses.");
        rows.table(null, null);
        if (trace.isEmpty()) {
            rows.none("The matrix has no rows: the file has no requirement and no hazard.");
            return;
        }
        for (int i = 0; i < trace.size(); i++) {
            row(rows.add("trace"), i + 1, trace.get(i));
        }
    }

    private static void row(Map<String, Object> row, int number, TraceRow t) {
        row.put("trNo", Integer.toString(number));
        row.put("trRequirement", t.requirement().orElse(Text.NONE));
        row.put("trHazard", t.hazard().orElse(Text.NONE));
        row.put("trControl", t.control().orElse(Text.NONE));
        row.put("trPurpose", t.purpose().map(p -> p.key()).orElse(Text.NONE));
        row.put("trScenario", scenario(t));
        row.put("trResult", RiskText.result(t));
        RiskText.tone(t).ifPresent(tone -> row.put("tone", tone.key()));
        row.put("trMeasured", t.measurements().isEmpty() ? Text.NONE : measured(t.measurements()));
    }

    private static String scenario(TraceRow t) {
        if (t.scenario().isPresent()) {
            ScenarioResult s = t.scenario().get();
            String status =
                    s.status() == ScenarioStatus.PASSED || s.status() == ScenarioStatus.FAILED
                            ? ""
                            : " (" + s.status().key() + ")";
            return RiskText.location(s) + "\n" + s.name() + status;
        }
        if (t.record().isPresent()) {
            RecordCheck r = t.record().get();
            return RiskText.recordTitle(r.record())
                    + "\n"
                    + RiskText.recordFile(r.record())
                    + (r.passed() ? "" : "\n" + r.detail());
        }
        if (t.requirement().isEmpty() && t.control().isEmpty()) {
            return "no risk control measure applied";
        }
        if (t.reference().isEmpty()) {
            return "no verification listed";
        }
        return t.reference().get().describe() + "\n" + why(t.status());
    }

    private static String why(Optional<EvidenceStatus> status) {
        return switch (status.orElse(EvidenceStatus.NOT_FOUND)) {
            case NOT_FOUND -> "matches no scenario of the run";
            case OTHER_RUN -> "must come from another run";
            case NO_RESULTS -> "no study run given";
            case PASSED, NOT_PASSED -> "no scenario";
        };
    }

    private static String measured(List<Measurement> ms) {
        List<String> lines = new ArrayList<>();
        for (Measurement m : ms) {
            lines.add(RiskText.shortSource(m) + " " + RiskText.estimate(m));
            m.ci().ifPresent(ci -> lines.add("(" + Text.interval(ci) + ")"));
        }
        return String.join("\n", lines);
    }
}
