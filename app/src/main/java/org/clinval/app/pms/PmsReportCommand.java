package org.clinval.app.pms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.reports.ReportException;
import org.clinval.reports.pms.PmsInputException;
import org.clinval.reports.pms.PmsOutputFolder;
import org.clinval.reports.pms.PmsReportInputs;
import org.clinval.reports.pms.PmsReportWriter;
import org.clinval.reports.pms.PmsWorkbookWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval pms report}: the periodic surveillance report of an output folder. */
@Command(
        name = "report",
        description =
                "Write the periodic post-market surveillance report (PDF/A-1b) and workbook of a"
                        + " surveillance output folder for a date range: volumes per site, windowed"
                        + " metrics against the validated baseline and the acceptance goals, drift,"
                        + " CUSUM charts, alarms and their investigations.")
public final class PmsReportCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "The surveillance output folder.")
    Path out;

    @Option(names = "--from", description = "First day (default: the first window's).")
    String from;

    @Option(names = "--to", description = "Last day (default: the last window's).")
    String to;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path[] written = write(out, day("--from", from), day("--to", to));
        ObjectNode o = Json.object();
        o.put("report", written[0].toString());
        o.put("workbook", written[1].toString());
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    /**
     * Writes {@code OUT/pms-report.pdf} and {@code OUT/pms-workbook.xlsx}; null days: the data's.
     */
    static Path[] write(Path out, LocalDate from, LocalDate to) throws IOException {
        if (!Files.isRegularFile(out.resolve("windows.csv"))) {
            throw new UserError(
                    out + " is not a surveillance output folder: windows.csv is missing");
        }
        LocalDate[] range = range(out.resolve("windows.csv"));
        LocalDate f = from != null ? from : range[0];
        LocalDate t = to != null ? to : range[1];
        if (t.isBefore(f)) throw new UserError("--to " + t + " is before --from " + f);
        PmsReportInputs inputs;
        try {
            inputs = PmsOutputFolder.read(out, f, t);
        } catch (PmsInputException e) {
            throw new UserError(e.getMessage(), e);
        }
        Path pdf = out.resolve("pms-report.pdf");
        Path xlsx = out.resolve("pms-workbook.xlsx");
        try {
            PmsReportWriter.write(inputs, pdf);
            PmsWorkbookWriter.write(inputs, xlsx);
        } catch (ReportException e) {
            throw new UserError(e.getMessage(), e);
        }
        return new Path[] {pdf, xlsx};
    }

    /** The first window start and the last window end (exclusive) less a day, in windows.csv. */
    private static LocalDate[] range(Path windows) throws IOException {
        LocalDate lo = null;
        LocalDate hi = null;
        List<String> lines = Files.readAllLines(windows);
        for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] c = l.split(",", 4);
            if (c.length < 3) continue;
            LocalDate s = LocalDate.parse(c[1]);
            LocalDate e = LocalDate.parse(c[2]).minusDays(1);
            if (lo == null || s.isBefore(lo)) lo = s;
            if (hi == null || e.isAfter(hi)) hi = e;
        }
        if (lo == null) throw new UserError(windows + " has no windows yet");
        return new LocalDate[] {lo, hi};
    }

    private static LocalDate day(String option, String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UserError(option + " " + value + " is not a date (yyyy-mm-dd)");
        }
    }
}
