package org.clinval.reports.xlsx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Palette;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Tone;
import org.clinval.reports.model.RiskReport;
import org.clinval.risk.Acceptability;
import org.clinval.risk.Hazard;
import org.clinval.risk.HazardControl;
import org.clinval.risk.Level;
import org.clinval.risk.RiskEstimate;
import org.clinval.risk.RiskManagementPlan;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.ControlEffect;
import org.clinval.risk.check.EvidenceCheck;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.check.RiskAssessment;
import org.clinval.risk.check.RiskCheckReport;

/**
 * The sheets "Risks", "Controls" and "Matrix" of the traceability workbook. A risk's severity,
 * probability and region cells are filled with the colour of its region, as in the report.
 */
final class RiskSheets {

    /** The "Risks" sheet's columns, in order. */
    static final List<String> RISK_COLUMNS =
            List.of(
                    "Hazard",
                    "Description",
                    "Sequence of events",
                    "Hazardous situation",
                    "Harm",
                    "Initial severity",
                    "Initial probability",
                    "Initial region",
                    "Claimed residual severity",
                    "Claimed residual probability",
                    "Claimed residual region",
                    "Verified residual severity",
                    "Verified residual probability",
                    "Verified residual region",
                    "Raised",
                    "Controls",
                    "Not effective",
                    "Reduction rationale",
                    "Benefit-risk analysis");

    /** The "Controls" sheet's columns, in order. */
    static final List<String> CONTROL_COLUMNS =
            List.of(
                    "Control",
                    "Kind",
                    "Description",
                    "Requirements",
                    "Applied to",
                    "Effective",
                    "Verification",
                    "Implementation verification",
                    "Effectiveness verification",
                    "Not effective because");

    private RiskSheets() {}

    static void risks(XSSFWorkbook wb, Cells cells, RiskCheckReport check) {
        XSSFSheet sheet = wb.createSheet("Risks");
        cells.header(sheet, 0, RISK_COLUMNS);
        List<RiskAssessment> risks = check.risks();
        for (int i = 0; i < risks.size(); i++) {
            RiskAssessment r = risks.get(i);
            Hazard h = r.hazard();
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, h.id());
            cells.wrapped(row, 1, h.hazard());
            cells.wrapped(row, 2, String.join(" \u2192 ", h.sequenceOfEvents()));
            cells.wrapped(row, 3, h.hazardousSituation());
            cells.wrapped(row, 4, h.harm());
            risk(cells, row, 5, h.initial(), r.initialAcceptability());
            risk(cells, row, 8, h.residual(), r.claimedAcceptability());
            risk(cells, row, 11, r.residual(), r.residualAcceptability());
            Cells.text(row, 14, r.raised() ? "yes" : "no");
            Cells.text(
                    row,
                    15,
                    r.controls().stream()
                            .map(c -> c.control() + " (" + RiskText.reduction(c.reduction()) + ")")
                            .collect(Collectors.joining(", ")));
            Cells.text(
                    row,
                    16,
                    r.controls().stream()
                            .filter(c -> !c.effective())
                            .map(ControlEffect::control)
                            .collect(Collectors.joining(", ")));
            h.reductionRationale().ifPresent(t -> cells.wrapped(row, 17, t));
            h.benefitRisk().ifPresent(t -> cells.wrapped(row, 18, t));
        }
        Cells.filterable(sheet, 0, risks.size(), RISK_COLUMNS.size());
        Cells.widths(
                sheet, 10, 40, 50, 40, 40, 14, 14, 13, 14, 14, 13, 14, 14, 13, 8, 40, 14, 50, 50);
        Cells.printable(sheet, 1);
    }

    private static void risk(Cells cells, Row row, int col, RiskEstimate risk, Acceptability a) {
        Palette.Swatch s = Palette.region(a);
        cells.filled(row, col, RiskText.level(risk.severity()), s);
        cells.filled(row, col + 1, RiskText.level(risk.probability()), s);
        cells.filled(row, col + 2, RiskText.region(a), s);
    }

    static void controls(XSSFWorkbook wb, Cells cells, RiskReport report) {
        XSSFSheet sheet = wb.createSheet("Controls");
        cells.header(sheet, 0, CONTROL_COLUMNS);
        List<ControlAssessment> controls = report.check().controls();
        for (int i = 0; i < controls.size(); i++) {
            ControlAssessment c = controls.get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, c.id());
            Cells.text(row, 1, RiskText.kind(c.control().kind()));
            cells.wrapped(row, 2, c.control().description());
            Cells.text(row, 3, String.join(", ", c.control().requirements()));
            List<String> applied = new ArrayList<>();
            for (Hazard h : report.file().register().hazardsControlledBy(c.id())) {
                for (HazardControl hc : h.controls()) {
                    if (hc.control().equals(c.id())) {
                        applied.add(h.id() + " (" + RiskText.reduction(hc) + ")");
                    }
                }
            }
            Cells.text(row, 4, String.join(", ", applied));
            cells.toned(
                    row,
                    5,
                    RiskText.effective(c.effective()),
                    c.effective() ? Tone.GOOD : Tone.BAD);
            cells.toned(
                    row,
                    6,
                    RiskText.verification(c.verification()),
                    RiskText.tone(c.verification()));
            cells.wrapped(row, 7, evidence(c.implementation(), c.implementationRecords()));
            cells.wrapped(row, 8, evidence(c.effectiveness(), c.effectivenessRecords()));
            cells.wrapped(row, 9, String.join("; ", c.reasons()));
        }
        Cells.filterable(sheet, 0, controls.size(), CONTROL_COLUMNS.size());
        Cells.widths(sheet, 10, 24, 60, 26, 40, 14, 18, 50, 50, 70);
        Cells.printable(sheet, 1);
    }

    /**
     * Each reference with its result, e.g. {@code @RCM-001: PASSED}, then each cited record with
     * its title, file, SHA-256 prefix and result; MISSING when none.
     */
    private static String evidence(List<EvidenceCheck> checks, List<RecordCheck> records) {
        if (checks.isEmpty() && records.isEmpty()) {
            return RiskText.MISSING + ": none listed";
        }
        List<String> lines = new ArrayList<>();
        checks.forEach(
                e -> lines.add(e.reference().describe() + ": " + RiskText.evidence(e.status())));
        records.forEach(r -> lines.add(RiskText.record(r) + ": " + RiskText.record(r.status())));
        return String.join("\n", lines);
    }

    /** The plan's matrix: severity rows, most severe first, probability columns. */
    static void matrix(XSSFWorkbook wb, Cells cells, RiskManagementPlan plan) {
        XSSFSheet sheet = wb.createSheet("Matrix");
        cells.title(sheet, 0, "Acceptability matrix of plan " + plan.id());
        List<String> head = new ArrayList<>();
        head.add("Severity \\ probability");
        plan.probability().levels().forEach(p -> head.add(RiskText.level(p)));
        cells.header(sheet, 2, head);
        List<Level> severities = new ArrayList<>(plan.severity().levels());
        Collections.reverse(severities);
        int r = 3;
        for (Level s : severities) {
            Row row = Cells.row(sheet, r++);
            Cells.text(row, 0, RiskText.level(s));
            List<Level> ps = plan.probability().levels();
            for (int c = 0; c < ps.size(); c++) {
                Acceptability a = plan.matrix().of(new RiskEstimate(s, ps.get(c)));
                cells.filled(row, c + 1, RiskText.region(a), Palette.region(a));
            }
        }
        r++;
        for (var d : plan.definitions().entrySet()) {
            Row row = Cells.row(sheet, r++);
            cells.filled(row, 0, RiskText.region(d.getKey()), Palette.region(d.getKey()));
            Cells.text(row, 1, d.getValue());
        }
        Cells.widths(sheet, 24);
        Cells.printable(sheet, 0);
    }
}
