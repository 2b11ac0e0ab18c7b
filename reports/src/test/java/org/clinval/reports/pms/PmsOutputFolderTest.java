package org.clinval.reports.pms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that cannot be read stops the reading with its name, line and column; nothing is skipped.
 */
class PmsOutputFolderTest {

    @TempDir Path dir;

    @BeforeEach
    void writeFolder() throws IOException {
        SurveillanceFolder.write(dir);
    }

    private PmsReportInputs read() throws PmsInputException {
        return PmsOutputFolder.read(dir, SurveillanceFolder.FROM, SurveillanceFolder.TO);
    }

    /** Replaces the cell of {@code column} on data line {@code line} (header = line 1). */
    private void replaceCell(
            String file, List<String> columns, int line, String column, String value)
            throws IOException {
        Path p = dir.resolve(file);
        List<String> lines =
                new java.util.ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
        String[] cells = lines.get(line - 1).split(",", -1);
        cells[columns.indexOf(column)] = value;
        lines.set(line - 1, String.join(",", cells));
        Files.write(p, lines, StandardCharsets.UTF_8);
    }

    @Test
    void aBadNumberNamesTheFileLineAndColumn() throws IOException {
        replaceCell("windows.csv", PmsOutputFolder.WINDOW_COLUMNS, 3, "sensitivity", "0.9l");
        assertThatThrownBy(this::read)
                .isInstanceOf(PmsInputException.class)
                .hasMessage("windows.csv line 3, column sensitivity: not a number: '0.9l'");
    }

    @Test
    void nanIsRefusedAsAnUndefinedValueIsAnEmptyCell() throws IOException {
        replaceCell("cusum.csv", PmsOutputFolder.CUSUM_COLUMNS, 5, "s_hi", "NaN");
        assertThatThrownBy(this::read)
                .hasMessageStartingWith(
                        "cusum.csv line 5, column s_hi: not a finite number: 'NaN'");
    }

    @Test
    void anUnknownFlagIsRefused() throws IOException {
        replaceCell("drift.csv", PmsOutputFolder.DRIFT_COLUMNS, 2, "flag", "alarm");
        assertThatThrownBy(this::read)
                .hasMessageStartingWith("drift.csv line 2, column flag: 'alarm' is not one of");
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Path p = dir.resolve("drift.csv");
        String text = Files.readString(p).replaceFirst("p_value,", "pvalue,");
        Files.writeString(p, text);
        assertThatThrownBy(this::read)
                .hasMessageContaining("drift.csv line 1: missing column(s) p_value");
    }

    @Test
    void aShortRowIsAnErrorNotSkipped() throws IOException {
        Files.writeString(
                dir.resolve("cusum.csv"),
                "2026-01-01,site=A\r\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(this::read)
                .hasMessageMatching("cusum\\.csv line \\d+: 2 fields, but the header has 12");
    }

    @Test
    void aBadAlarmLineNamesTheLineAndField() throws IOException {
        Files.writeString(
                dir.resolve("alarms.jsonl"),
                "{\"alarm_id\":\"A-1\",\"kind\":\"cusum\",\"stratum\":\"site=C\",\"metric\":\"specificity\","
                        + "\"window_start\":\"2026-04-31\",\"window_end\":\"2026-05-01\","
                        + "\"raised_at\":\"2026-05-01T00:00:00Z\",\"summary\":\"s\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(this::read)
                .hasMessage(
                        "alarms.jsonl line 3, field window_start: not a date yyyy-MM-dd (nor an ISO-8601 instant): '2026-04-31'");
    }

    @Test
    void brokenJsonNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("baseline.json"), "{\"run\": ");
        assertThatThrownBy(this::read).hasMessageStartingWith("baseline.json: not valid JSON");
    }

    @Test
    void aMissingRequiredFileIsNamed() throws IOException {
        Files.delete(dir.resolve("reconciliation.json"));
        assertThatThrownBy(this::read).hasMessageStartingWith("reconciliation.json is missing");
    }

    @Test
    void theDesignAndTheInvestigationsMayBeAbsent() throws Exception {
        Files.delete(dir.resolve("cusum-design.json"));
        Files.delete(dir.resolve("investigations").resolve("investigations.json"));
        PmsReportInputs in = read();
        assertThat(in.cusumDesign()).isEmpty();
        assertThat(in.investigations()).isEmpty();
        assertThat(in.investigationsRecorded()).isFalse();
        assertThat(in.alarms()).hasSize(2);
    }

    @Test
    void theDesignKeysAreReadWhateverTheyAre() throws Exception {
        PmsReportInputs in = read();
        assertThat(in.cusumDesign())
                .extracting(PmsReportInputs.Entry::key)
                .contains("specificity.k", "specificity.h", "sensitivity.arl0", "specificity.mu0");
        assertThat(in.cusumDesign())
                .contains(
                        new PmsReportInputs.Entry(
                                "specificity.strata",
                                "site=A, site=B, site=C",
                                OptionalDouble.empty()))
                .contains(
                        new PmsReportInputs.Entry("specificity.h", "10.0", OptionalDouble.of(10)));
        assertThat(in.baseline().metric("specificity").orElseThrow().ciLowerMin()).hasValue(0.82);
    }

    @Test
    void aDesignRecordIsReadAsWell() throws Exception {
        Files.writeString(
                dir.resolve("cusum-design.json"),
                "{\"k\":0.5,\"h\":4.77,\"arl0\":370,\"shift\":1,\"mu0\":0.9,\"sigma\":0.3}");
        assertThat(read().cusumDesign())
                .extracting(PmsReportInputs.Entry::key)
                .containsExactly("k", "h", "arl0", "shift", "mu0", "sigma");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(
                        () ->
                                PmsOutputFolder.read(
                                        dir, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUndefinedReasonOfAMetricIsFound() {
        assertThat(
                        PmsText.reason(
                                "sensitivity: no positives; auc: fewer than 10 cases of a class",
                                "auc"))
                .isEqualTo("fewer than 10 cases of a class");
        assertThat(PmsText.reason("", "auc")).isEqualTo("no reason recorded");
    }
}
