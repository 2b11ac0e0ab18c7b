package org.clinval.reports.pdf;

import java.util.List;
import java.util.Map;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.model.SignatureRow;
import org.clinval.risk.Acceptability;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.OverallResidualRisk;
import org.clinval.risk.postproduction.Investigation;
import org.clinval.risk.postproduction.PostProductionInformation;

/**
 * The detail rows of the risk management report in print order: the plan (section 1), the hazards
 * (2), the controls (3), the traceability matrix (4), then the gaps, the overall residual risk and
 * the signatures, laid out here.
 */
final class RiskReportRows {

    /** What the signature section says when there is none. */
    static final String NOT_SIGNED = "Not signed: the report carries no electronic signature.";

    private RiskReportRows() {}

    /** Returns the rows of {@code report} in print order. */
    static List<Map<String, Object>> of(RiskReport report) {
        RiskRows rows = new RiskRows();
        RiskPlanRows.add(rows, report.file());
        RiskEvaluationRows.add(rows, report.check());
        RiskControlRows.add(rows, report);
        RiskTraceRows.add(rows, report);
        gaps(rows, report.check().gaps());
        overall(rows, report);
        signatures(rows, report.signatures());
        return rows.rows();
    }

    private static void gaps(RiskRows rows, List<Gap> gaps) {
        rows.section(
                5,
                gaps.isEmpty()
                        ? null
                        : gaps.size()
                                + (gaps.size() == 1 ? " gap" : " gaps")
                                + ": what the risk management file or its evidence lacks. Each"
                                + " must be closed before the overall residual risk can be"
                                + " judged acceptable.");
        rows.table(null, null);
        if (gaps.isEmpty()) {
            rows.none(
                    "No gaps: every unacceptable risk is controlled, every control lists"
                            + " verifications of its implementation and effectiveness that"
                            + " passed, and every requirement is traced to a scenario that"
                            + " passed.");
            return;
        }
        for (Gap g : gaps) {
            Map<String, Object> row = rows.add("gap");
            row.put("gpKind", RiskText.gap(g.kind()));
            row.put("gpSubject", g.subject());
            row.put("gpMessage", g.message());
        }
    }

    private static void overall(RiskRows rows, RiskReport report) {
        OverallResidualRisk o = report.check().overall();
        rows.section(
                6,
                "Judged by the criteria of plan "
                        + report.file().plan().id()
                        + " (section 1) on the residual risks verified (section 2) and the gaps"
                        + " (section 5), ISO 14971:2019 \u00a78.");
        rows.table(null, null);
        Map<String, Object> row = rows.add("overall");
        row.put("ovVerdict", RiskText.verdict(o.verdict()));
        row.put("tone", RiskText.tone(o.verdict()).key());
        row.put("ovStatement", o.statement());
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<Acceptability, Integer> e : o.residualCounts().entrySet()) {
            if (counts.length() > 0) counts.append(" \u00b7 ");
            counts.append(e.getValue()).append(' ').append(RiskText.region(e.getKey()));
        }
        rows.pair("Residual risks verified", counts.toString());
        rows.pair("Gaps", Integer.toString(report.check().gaps().size()));
        if (!o.reasons().isEmpty()) {
            rows.table("Criteria not met", null);
            for (String reason : o.reasons()) {
                rows.add("reason").put("rsText", reason);
            }
        }
        postProduction(rows, report.check().postProduction());
    }

    /**
     * The production and post-production information reviewed (ISO 14971:2019 §10): every
     * post-market investigation, closed ones with their decision, open ones with the controls they
     * put under investigation.
     */
    private static void postProduction(RiskRows rows, PostProductionInformation info) {
        if (!info.given()) {
            return;
        }
        rows.table(
                "Production and post-production information (ISO 14971:2019 \u00a710)",
                "The post-market investigations read from "
                        + info.source()
                        + ". A closed investigation is information reviewed, with its decision;"
                        + " an open one puts the risk controls its alarms' metric verifies under"
                        + " investigation (section 3) and is a gap (section 5) until it is"
                        + " closed.");
        if (info.investigations().isEmpty()) {
            rows.none("No post-market investigation has been opened.");
            return;
        }
        for (Investigation i : info.investigations()) {
            rows.pair(
                    i.id() + (i.open() ? ", open" : ", reviewed"),
                    i.subject()
                            + ": "
                            + i.standing()
                            + (i.open()
                                    ? "; puts under investigation: "
                                            + (i.riskControls().isEmpty()
                                                    ? "no risk control"
                                                    : String.join(", ", i.riskControls()))
                                    : ""));
        }
    }

    private static void signatures(RiskRows rows, List<SignatureRow> signatures) {
        rows.section(
                7,
                signatures.isEmpty()
                        ? null
                        : "Each signature binds the signer, its meaning and the SHA-256 of the"
                                + " signed content (21 CFR 11.50, 11.70).");
        rows.table(null, null);
        if (signatures.isEmpty()) {
            rows.none(NOT_SIGNED);
            return;
        }
        for (SignatureRow s : signatures) {
            Map<String, Object> row = rows.add("signature");
            row.put("sName", s.printedName());
            row.put("sUser", s.userId());
            row.put("sMeaning", s.meaning());
            row.put("sTime", Text.time(s.time()));
            row.put("sHash", s.signedSha256());
        }
    }
}
