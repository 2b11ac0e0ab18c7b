package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validation report and workbook of a grading study, checked against the run folder's
 * metrics.json read independently of the report code.
 */
class GradingReportTest {

    static TaskRunFolders.Run run;
    static PdfText text;
    static JsonNode g;

    @BeforeAll
    static void writeReport() throws Exception {
        run = TaskRunFolders.grading(TaskReportTest.OUT.resolve("grading-run").toAbsolutePath());
        text = PdfText.read(run.pdf(), 40);
        g = new ObjectMapper().readTree(run.dir().resolve("metrics.json").toFile()).path("grading");
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void theReportPrintsTheGradingSectionsWithTheNumbersOfMetricsJson() throws Exception {
        String all = text.all();
        assertThat(all)
                .contains("Grades against the reference")
                .contains("Accuracy per grade")
                .contains("Binary endpoints of the grade scale")
                .contains("Agreement of the graders");
        for (String w : new String[] {"none", "linear", "quadratic"}) {
            JsonNode k = g.path("kappa").path(w);
            assertThat(all)
                    .contains(
                            f3(k.path("estimate").asDouble())
                                    + " "
                                    + f3(k.at("/ci/0").asDouble())
                                    + " \u2013 "
                                    + f3(k.at("/ci/1").asDouble()));
        }
        assertThat(all.replace('\n', ' '))
                .contains(
                        "pROC::multiclass.roc with the probability matrix): "
                                + f3(g.at("/auc_hand_till/estimate").asDouble()));
        JsonNode sens = g.at("/endpoints/0/sensitivity");
        JsonNode spec = g.at("/endpoints/0/specificity");
        assertThat(all)
                .contains(
                        sens.path("successes").asLong()
                                + "/"
                                + sens.path("trials").asLong()
                                + " \u00b7 "
                                + spec.path("successes").asLong()
                                + "/"
                                + spec.path("trials").asLong()
                                + " "
                                + f3(sens.path("estimate").asDouble())
                                + " "
                                + f3(sens.at("/ci/0").asDouble())
                                + " \u2013 "
                                + f3(sens.at("/ci/1").asDouble()));
        JsonNode sup = g.at("/endpoints/0/superiority/0");
        assertThat(sup.path("endpoint").asText()).isEqualTo("EP2");
        assertThat(all).contains("EP2: sensitivity, referable");
        // Every count of the confusion matrix's first row, in order.
        StringBuilder row = new StringBuilder("none");
        for (JsonNode v : g.at("/confusion_matrix/counts/0")) row.append(' ').append(v.asLong());
        assertThat(all).contains(row.toString());
    }

    @Test
    void theWorkbookHasTheGradingSheets() throws Exception {
        try (InputStream in = Files.newInputStream(run.xlsx());
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Grading");
            assertThat(s).isNotNull();
            DataFormatter f = new DataFormatter(Locale.ROOT);
            long n = 0;
            for (int i = 2; i < 7; i++) {
                Row r = s.getRow(i);
                for (int j = 1; j <= 5; j++) n += (long) r.getCell(j).getNumericCellValue();
            }
            assertThat(n).isEqualTo(g.path("cases").asLong());
            XSSFSheet e = wb.getSheet("Grading endpoints");
            assertThat(f.formatCellValue(e.getRow(1).getCell(0))).isEqualTo("referable");
            assertThat(e.getRow(1).getCell(12).getNumericCellValue())
                    .isEqualTo(g.at("/endpoints/0/superiority/0/p_value").asDouble());
        }
    }

    static Path pdf() {
        return run.pdf();
    }
}
