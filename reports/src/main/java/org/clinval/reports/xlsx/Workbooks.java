package org.clinval.reports.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.ReportException;

/** What every workbook of the suite shares: its document properties and how it is saved. */
final class Workbooks {

    private Workbooks() {}

    /** Sets the title, the creator (the software) and the creation time of {@code wb}. */
    static void properties(XSSFWorkbook wb, String title, String software, Instant created) {
        var core = wb.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setCreator(software);
        core.setCreated(Optional.of(Date.from(created)));
    }

    /**
     * Writes {@code wb} to {@code xlsx}, replacing it. The file appears complete or not at all: the
     * workbook is written beside it and moved into place.
     *
     * @param what the workbook, for messages, e.g. {@code the validation workbook}
     * @throws ReportException if the file cannot be written
     */
    static void save(XSSFWorkbook wb, Path xlsx, String what) throws ReportException {
        Path target = xlsx.toAbsolutePath();
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), ".clinval-workbook-", ".xlsx.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                wb.write(out);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (IOException e) {
            throw new ReportException(what + " could not be written: " + target, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // A leftover temporary file does not affect the workbook.
                }
            }
        }
    }
}
