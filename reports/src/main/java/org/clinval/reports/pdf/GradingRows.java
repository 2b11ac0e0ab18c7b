package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.GradingSection;

/**
 * The report's grading sections: the confusion matrix of grades with Cohen's kappas, accuracy and
 * AUC per grade with the macro-average and Hand–Till AUCs, the binary endpoints of the scale with
 * their superiority tests, and the agreement of the graders.
 */
final class GradingRows {

    static final String AGREEMENT = "Grades against the reference";
    static final String CLASSES = "Accuracy per grade";
    static final String CUTS = "Binary endpoints of the grade scale";
    static final String GRADERS = "Agreement of the graders";

    /** The grading sections in print order. */
    static final List<String> SECTIONS = List.of(AGREEMENT, CLASSES, CUTS, GRADERS);

    /** Grades per printed block of the confusion matrix (the first column holds the labels). */
    private static final int COLUMNS = 5;

    private GradingRows() {}

    static void add(ReportRows r, GradingSection g) {
        agreement(r, g);
        classes(r, g);
        cuts(r, g);
        graders(r, g);
    }

    private static void agreement(ReportRows r, GradingSection g) {
        String level = Text.level(g.level());
        String note =
                "Rows: the reference grade ("
                        + g.reference()
                        + "); columns: the model's grade (the most probable). "
                        + g.cases()
                        + " graded cases.";
        for (int from = 0; from < g.grades().size(); from += COLUMNS) {
            int to = Math.min(g.grades().size(), from + COLUMNS);
            List<String> head = new ArrayList<>(List.of("Reference \u2193 / model \u2192"));
            head.addAll(g.grades().subList(from, to));
            r.statHead(AGREEMENT, note, head.toArray(String[]::new));
            for (int i = 0; i < g.grades().size(); i++) {
                List<String> cells = new ArrayList<>(List.of(g.grades().get(i)));
                for (int j = from; j < to; j++) {
                    cells.add(Long.toString(g.confusion().get(i).get(j)));
                }
                r.stat(AGREEMENT, note, cells.toArray(String[]::new));
            }
        }
        r.statHead(AGREEMENT, note, "Cohen's kappa", "Cases", "Estimate", level + " CI", "SE");
        for (GradingSection.Kappa k : g.kappas()) {
            Map<String, Object> row =
                    r.stat(
                            AGREEMENT,
                            note,
                            weighting(k.name()),
                            Long.toString(k.n()),
                            Text.estimate(k.estimate()),
                            Text.interval(k.ci()),
                            Text.estimate(k.se()));
            k.undefinedReason().ifPresent(u -> row.put("tNote", "Undefined: " + u));
        }
        r.para(
                AGREEMENT,
                note,
                "Kappa with the large-sample standard error of Fleiss, Cohen and Everitt (1969) and"
                        + " the Wald interval clipped to [\u22121, 1], as R's vcd::Kappa and its"
                        + " confint. Linear weights 1 \u2212 |i \u2212 j|/(k \u2212 1), quadratic"
                        + " (Fleiss\u2013Cohen) weights 1 \u2212 (i \u2212 j)\u00b2/(k \u2212 1)\u00b2.");
    }

    private static String weighting(String key) {
        return switch (key) {
            case "none" -> "unweighted";
            case "linear" -> "linear weights";
            case "quadratic" -> "quadratic weights";
            default -> key;
        };
    }

    private static void classes(ReportRows r, GradingSection g) {
        String level = Text.level(g.level());
        String note =
                "Each grade against the rest: sensitivity and specificity of the model's grade with "
                        + level
                        + " Clopper\u2013Pearson intervals, and the AUC of the grade's probability"
                        + " with the DeLong interval.";
        r.statHead(
                CLASSES,
                note,
                "Grade (cases)",
                "Graded as it",
                "Sensitivity",
                level + " CI",
                "AUC",
                level + " CI (DeLong)");
        for (GradingSection.GradeClass c : g.classes()) {
            r.stat(
                    CLASSES,
                    note,
                    c.grade() + " (" + c.n() + ")",
                    c.sensitivity().successes() + " / " + c.sensitivity().trials(),
                    Text.estimate(c.sensitivity().estimate()),
                    Text.interval(c.sensitivity().ci()),
                    Text.estimate(c.auc()),
                    Text.interval(c.aucCi()));
        }
        r.statHead(
                CLASSES,
                note,
                "Grade (other cases)",
                "Not graded as it",
                "Specificity",
                level + " CI");
        for (GradingSection.GradeClass c : g.classes()) {
            r.stat(
                    CLASSES,
                    note,
                    c.grade() + " (" + c.specificity().trials() + ")",
                    c.specificity().successes() + " / " + c.specificity().trials(),
                    Text.estimate(c.specificity().estimate()),
                    Text.interval(c.specificity().ci()));
        }
        r.para(
                CLASSES,
                note,
                "Macro-average AUC (unweighted mean of the one-vs-rest AUCs of the observed grades): "
                        + Text.estimate(g.macroAuc())
                        + ". Hand\u2013Till multi-class AUC (Hand & Till 2001, as R's"
                        + " pROC::multiclass.roc with the probability matrix): "
                        + Text.estimate(g.handTill())
                        + ".");
    }

    private static void cuts(ReportRows r, GradingSection g) {
        String level = Text.level(g.level());
        String note =
                "Positive when the grade is at least the endpoint's smallest grade; the first"
                        + " endpoint is the case-level table of every other section. "
                        + level
                        + " Clopper\u2013Pearson intervals; superiority by the one-sided exact"
                        + " binomial test, H0: p \u2264 goal (R's binom.test with alternative ="
                        + " \"greater\").";
        r.statHead(
                CUTS, note, "Endpoint", "Sensitivity", level + " CI", "Specificity", level + " CI");
        for (GradingSection.Cut c : g.endpoints()) {
            r.stat(
                    CUTS,
                    note,
                    c.name() + " (" + c.minGrade() + " or above)",
                    c.sensitivity().successes()
                            + "/"
                            + c.sensitivity().trials()
                            + " \u00b7 "
                            + c.specificity().successes()
                            + "/"
                            + c.specificity().trials(),
                    Text.estimate(c.sensitivity().estimate()),
                    Text.interval(c.sensitivity().ci()),
                    Text.estimate(c.specificity().estimate()),
                    Text.interval(c.specificity().ci()));
        }
        boolean any = g.endpoints().stream().anyMatch(c -> !c.tests().isEmpty());
        if (!any) return;
        r.statHead(
                CUTS,
                note,
                "Superiority test",
                "Goal",
                "One-sided \u03b1",
                "p-value",
                "Lower bound",
                "Verdict");
        for (GradingSection.Cut c : g.endpoints()) {
            for (GradingSection.Superiority t : c.tests()) {
                r.stat(
                        CUTS,
                        note,
                        t.endpoint() + ": " + t.measure() + ", " + c.id(),
                        Text.number(t.goal()),
                        Text.number(t.alpha()),
                        p(t.p()),
                        Text.number(t.lowerBound()),
                        t.superior() ? "superior" : "not shown superior");
            }
        }
    }

    private static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : Text.number(p);
    }

    private static void graders(ReportRows r, GradingSection g) {
        String level = Text.level(g.level());
        String note =
                "Quadratic-weighted kappa of each pair of graders over the ground-truth rows both"
                        + " graded, with "
                        + level
                        + " Wald intervals: how well the reference standard itself agrees.";
        if (g.interGrader().isEmpty()) {
            r.none(GRADERS, note, "The reference names no two graders whose grades are at hand.");
            return;
        }
        r.statHead(GRADERS, note, "Graders", "Rows", "Kappa", level + " CI", "SE");
        for (GradingSection.Kappa k : g.interGrader()) {
            Map<String, Object> row =
                    r.stat(
                            GRADERS,
                            note,
                            k.name(),
                            Long.toString(k.n()),
                            Text.estimate(k.estimate()),
                            Text.interval(k.ci()),
                            Text.estimate(k.se()));
            k.undefinedReason().ifPresent(u -> row.put("tNote", "Undefined: " + u));
        }
    }
}
