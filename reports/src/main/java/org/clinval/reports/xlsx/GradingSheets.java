package org.clinval.reports.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.GradingSection;

/**
 * The workbook's grading sheets: "Grading" (confusion matrix, kappas, per-grade accuracy and AUC,
 * macro and Hand–Till AUC, inter-grader kappas) and "Grading endpoints" (each binary endpoint of
 * the scale with its counts, exact intervals and superiority tests).
 */
final class GradingSheets {

    private GradingSheets() {}

    static void grading(XSSFWorkbook wb, Cells cells, GradingSection g) {
        XSSFSheet s = wb.createSheet("Grading");
        int r = 0;
        cells.title(
                s,
                r++,
                "Confusion matrix (rows: reference grade, "
                        + g.reference()
                        + "; columns: model grade)");
        List<String> head = new ArrayList<>(List.of("Reference \\ model"));
        head.addAll(g.grades());
        cells.header(s, r++, head);
        for (int i = 0; i < g.grades().size(); i++) {
            Row row = s.createRow(r++);
            Cells.text(row, 0, g.grades().get(i));
            for (int j = 0; j < g.grades().size(); j++) {
                Cells.integer(row, 1 + j, g.confusion().get(i).get(j));
            }
        }
        r++;
        cells.title(
                s,
                r++,
                "Cohen's kappa (Fleiss-Cohen-Everitt SE, Wald "
                        + Text.level(g.level())
                        + " interval)");
        r = kappas(s, cells, r, "Weights", g.kappas());
        r++;
        cells.title(s, r++, "Each grade against the rest (Clopper-Pearson; DeLong for the AUC)");
        cells.header(
                s,
                r++,
                List.of(
                        "Grade",
                        "Cases",
                        "Sensitivity",
                        "Sens. successes",
                        "Sens. CI lower",
                        "Sens. CI upper",
                        "Specificity",
                        "Spec. successes",
                        "Spec. trials",
                        "Spec. CI lower",
                        "Spec. CI upper",
                        "AUC",
                        "AUC CI lower",
                        "AUC CI upper"));
        for (GradingSection.GradeClass c : g.classes()) {
            Row row = s.createRow(r++);
            Cells.text(row, 0, c.grade());
            Cells.integer(row, 1, c.n());
            cells.estimate(row, 2, c.sensitivity().estimate());
            Cells.integer(row, 3, c.sensitivity().successes());
            cells.interval(row, 4, c.sensitivity().ci(), Text.UNDEFINED);
            cells.estimate(row, 6, c.specificity().estimate());
            Cells.integer(row, 7, c.specificity().successes());
            Cells.integer(row, 8, c.specificity().trials());
            cells.interval(row, 9, c.specificity().ci(), Text.UNDEFINED);
            cells.estimate(row, 11, c.auc());
            cells.interval(row, 12, c.aucCi(), Text.UNDEFINED);
        }
        Row macro = s.createRow(r++);
        Cells.text(macro, 0, "Macro-average AUC");
        cells.estimate(macro, 11, g.macroAuc());
        Row ht = s.createRow(r++);
        Cells.text(ht, 0, "Hand-Till AUC (pROC::multiclass.roc)");
        cells.estimate(ht, 11, g.handTill());
        r++;
        cells.title(s, r++, "Agreement of the graders (quadratic weights)");
        kappas(s, cells, r, "Graders", g.interGrader());
        Cells.widths(s, 30, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 10, 12, 12);
        Cells.printable(s, 1);

        XSSFSheet e = wb.createSheet("Grading endpoints");
        List<String> columns =
                List.of(
                        "Endpoint",
                        "Name",
                        "Smallest grade",
                        "Measure",
                        "Successes",
                        "Trials",
                        "Estimate",
                        "CI lower",
                        "CI upper",
                        "Study endpoint",
                        "Goal",
                        "One-sided alpha",
                        "p-value",
                        "Lower bound",
                        "Superior");
        cells.header(e, 0, columns);
        int k = 1;
        for (GradingSection.Cut c : g.endpoints()) {
            for (String measure : List.of("sensitivity", "specificity")) {
                GradingSection.Share sh =
                        measure.equals("sensitivity") ? c.sensitivity() : c.specificity();
                List<GradingSection.Superiority> tests =
                        c.tests().stream().filter(t -> t.measure().equals(measure)).toList();
                int lines = Math.max(1, tests.size());
                for (int t = 0; t < lines; t++) {
                    Row row = e.createRow(k++);
                    Cells.text(row, 0, c.id());
                    Cells.text(row, 1, c.name());
                    Cells.text(row, 2, c.minGrade());
                    Cells.text(row, 3, measure);
                    Cells.integer(row, 4, sh.successes());
                    Cells.integer(row, 5, sh.trials());
                    cells.estimate(row, 6, sh.estimate());
                    cells.interval(row, 7, sh.ci(), Text.UNDEFINED);
                    if (t < tests.size()) {
                        GradingSection.Superiority x = tests.get(t);
                        Cells.text(row, 9, x.endpoint());
                        cells.decimal(row, 10, x.goal());
                        cells.decimal(row, 11, x.alpha());
                        cells.decimal(row, 12, x.p());
                        cells.decimal(row, 13, x.lowerBound());
                        Cells.text(row, 14, x.superior() ? "yes" : "no");
                    }
                }
            }
        }
        Cells.filterable(e, 0, k - 1, columns.size());
        Cells.widths(e, 18, 36, 14, 12, 10, 10, 10, 10, 10, 14, 8, 14, 12, 12, 10);
        Cells.printable(e, 1);
    }

    private static int kappas(
            XSSFSheet s, Cells cells, int r, String first, List<GradingSection.Kappa> kappas) {
        cells.header(
                s,
                r++,
                List.of(
                        first,
                        "Cases",
                        "Kappa",
                        "CI lower",
                        "CI upper",
                        "SE",
                        "Undefined because"));
        for (GradingSection.Kappa k : kappas) {
            Row row = s.createRow(r++);
            Cells.text(row, 0, k.name());
            Cells.integer(row, 1, k.n());
            cells.estimate(row, 2, k.estimate());
            cells.interval(row, 3, k.ci(), Text.UNDEFINED);
            cells.estimate(row, 5, k.se());
            Cells.text(row, 6, k.undefinedReason().orElse(""));
        }
        return r;
    }
}
