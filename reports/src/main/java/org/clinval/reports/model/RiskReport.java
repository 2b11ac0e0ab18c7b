package org.clinval.reports.model;

import java.time.Instant;
import java.util.List;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.trace.TraceabilityMatrix;

/**
 * Everything the ISO 14971 risk management report and the traceability workbook show: a risk check
 * of a risk management file against a study run, its traceability matrix, and the signatures on the
 * report.
 *
 * @param check the risk check; its file is the risk management file reported
 * @param matrix the traceability matrix of that check
 * @param signatures the electronic signatures on the report, possibly none
 * @param software the software that checked and wrote it, e.g. {@code clinval 0.1.0}
 * @param generated when the report was generated
 */
public record RiskReport(
        RiskCheckReport check,
        TraceabilityMatrix matrix,
        List<SignatureRow> signatures,
        String software,
        Instant generated) {

    public RiskReport {
        Fields.present("risk check", check);
        Fields.present("traceability matrix", matrix);
        signatures = Fields.list("signatures", signatures);
        Fields.text("software", software);
        Fields.present("generation time", generated);
        if (!matrix.gaps().equals(check.gaps())) {
            throw new IllegalArgumentException(
                    "the traceability matrix is not of this risk check: it lists "
                            + matrix.gaps().size()
                            + " gaps, the check "
                            + check.gaps().size());
        }
    }

    /** Returns the risk management file reported. */
    public RiskManagementFile file() {
        return check.file();
    }
}
