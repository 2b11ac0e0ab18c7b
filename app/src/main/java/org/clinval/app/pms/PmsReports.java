package org.clinval.app.pms;

import java.io.IOException;
import java.nio.file.Path;

/** The PMS report of an output folder, for the commands that write it. */
public final class PmsReports {

    private PmsReports() {}

    /** Writes the report and workbook of the whole period of {@code out}. */
    public static Path[] write(Path out) throws IOException {
        return PmsReportCommand.write(out, null, null);
    }
}
