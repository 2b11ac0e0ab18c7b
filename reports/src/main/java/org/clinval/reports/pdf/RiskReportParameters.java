package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinval.reports.internal.RiskText;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.RiskReport;
import org.clinval.risk.Acceptability;
import org.clinval.risk.ControlKind;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.RiskManagementPlan;
import org.clinval.risk.check.ControlAssessment;
import org.clinval.risk.check.ControlVerification;
import org.clinval.risk.check.Gap;
import org.clinval.risk.check.RiskAssessment;
import org.clinval.risk.check.RiskCheckReport;

/** The cover page of the risk management report: identification, verdict and summary. */
final class RiskReportParameters {

    private RiskReportParameters() {}

    static Map<String, Object> of(RiskReport report) {
        RiskCheckReport check = report.check();
        RiskManagementFile file = report.file();
        RiskManagementPlan plan = file.plan();
        Map<String, Object> p = new HashMap<>();
        p.put("REPORT_TITLE", file.register().title());
        p.put(
                "SUBTITLE",
                "Risk file "
                        + file.register().id()
                        + "   \u00b7   Plan "
                        + plan.id()
                        + "   \u00b7   "
                        + check.runId().map(id -> "Run " + id).orElse("No study run"));
        p.put("VERDICT", RiskText.verdict(check.overall().verdict()));
        p.put("VERDICT_TONE", RiskText.tone(check.overall().verdict()).key());
        p.put("VERDICT_STATEMENT", check.overall().statement());
        p.put("RISK_FILE", file.register().id() + ", read from " + file.sources().register());
        p.put(
                "PLAN",
                plan.id()
                        + plan.version().map(v -> " version " + v).orElse("")
                        + ", read from "
                        + file.sources().plan());
        p.put(
                "REQUIREMENTS",
                file.requirements().size()
                        + (file.requirements().size() == 1 ? " requirement" : " requirements")
                        + ", read from "
                        + file.sources().requirements());
        p.put(
                "RUN",
                check.runId()
                        .map(
                                id ->
                                        id
                                                + check.resultsLocation()
                                                        .map(l -> ", read from " + l)
                                                        .orElse(""))
                        .orElse(
                                "none given: no scenario is confirmed and every risk control"
                                        + " verified by scenarios counts as not effective"));
        p.put("SOFTWARE", report.software());
        p.put("GENERATED", Text.time(report.generated()));
        p.put("HAZARD_SUMMARY", hazards(check.risks()));
        p.put("CONTROL_SUMMARY", controls(check.controls()));
        p.put(
                "TRACE_SUMMARY",
                report.matrix().rows().size()
                        + " rows over "
                        + file.requirements().size()
                        + " requirements, "
                        + file.register().hazards().size()
                        + " hazards and "
                        + file.register().controls().size()
                        + " risk control measures");
        p.put("GAP_SUMMARY", gaps(check.gaps()));
        p.put(
                "SIGNATURE_SUMMARY",
                report.signatures().isEmpty()
                        ? "not signed"
                        : report.signatures().stream()
                                .map(
                                        s ->
                                                s.printedName()
                                                        + ", "
                                                        + s.meaning()
                                                        + ", "
                                                        + Text.time(s.time()))
                                .collect(Collectors.joining("\n")));
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < RiskRows.SECTIONS.size(); i++) {
            contents.add((i + 1) + "   " + RiskRows.SECTIONS.get(i));
        }
        p.put("CONTENTS", String.join("\n", contents));
        return p;
    }

    private static String hazards(List<RiskAssessment> risks) {
        List<String> raised =
                risks.stream().filter(RiskAssessment::raised).map(r -> r.id()).toList();
        return risks.size()
                + (risks.size() == 1 ? " hazard." : " hazards.")
                + "\nBefore control: "
                + regions(risks, RiskAssessment::initialAcceptability)
                + ".\nResidual, verified: "
                + regions(risks, RiskAssessment::residualAcceptability)
                + "."
                + (raised.isEmpty()
                        ? ""
                        : "\nRaised above the residual risk claimed: "
                                + String.join(", ", raised)
                                + ".");
    }

    private static String regions(
            List<RiskAssessment> risks, Function<RiskAssessment, Acceptability> region) {
        Map<Acceptability, Integer> n = new EnumMap<>(Acceptability.class);
        for (Acceptability a : Acceptability.values()) n.put(a, 0);
        risks.forEach(r -> n.merge(region.apply(r), 1, Integer::sum));
        return n.entrySet().stream()
                .map(e -> e.getValue() + " " + RiskText.region(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String controls(List<ControlAssessment> controls) {
        List<String> notEffective =
                controls.stream().filter(c -> !c.effective()).map(ControlAssessment::id).toList();
        List<String> investigated =
                controls.stream()
                        .filter(ControlAssessment::isUnderInvestigation)
                        .map(c -> c.id() + " (" + String.join(", ", c.underInvestigation()) + ")")
                        .toList();
        Map<ControlKind, Integer> kinds = new EnumMap<>(ControlKind.class);
        controls.forEach(c -> kinds.merge(c.control().kind(), 1, Integer::sum));
        List<String> byRecord =
                controls.stream()
                        .filter(c -> c.verification() == ControlVerification.VERIFIED_BY_RECORD)
                        .map(ControlAssessment::id)
                        .toList();
        return (controls.size() - notEffective.size())
                + " of "
                + controls.size()
                + " risk control measures effective"
                + (byRecord.isEmpty()
                        ? ""
                        : " ("
                                + (controls.size() - notEffective.size() - byRecord.size())
                                + " verified by study, "
                                + byRecord.size()
                                + " verified by record: "
                                + String.join(", ", byRecord)
                                + ")")
                + (notEffective.isEmpty()
                        ? "."
                        : "; not effective: " + String.join(", ", notEffective) + ".")
                + (investigated.isEmpty()
                        ? ""
                        : "\nUnder investigation: " + String.join(", ", investigated) + ".")
                + "\n"
                + kinds.entrySet().stream()
                        .map(e -> e.getValue() + " " + RiskText.kind(e.getKey()))
                        .collect(Collectors.joining(", "))
                + ".";
    }

    private static String gaps(List<Gap> gaps) {
        if (gaps.isEmpty()) {
            return "none";
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        gaps.forEach(g -> kinds.merge(RiskText.gap(g.kind()), 1, Integer::sum));
        return gaps.size()
                + ": "
                + kinds.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "));
    }
}
