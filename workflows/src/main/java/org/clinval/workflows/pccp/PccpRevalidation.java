package org.clinval.workflows.pccp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.workflows.ledger.DatasetLedger;
import org.clinval.workflows.ledger.LedgerAction;
import org.clinval.workflows.ledger.LedgerEntry;

/**
 * A re-validation under a PCCP as one step: the comparison of the candidate run with its baseline
 * ({@link PccpComparison}), its record written, its conformance report written by the given writer,
 * and, with a dataset ledger, each access recorded there before it is made, as the study's own
 * steps do: the comparison ({@link LedgerAction#COMPARE}) before its record is written, the report
 * ({@link LedgerAction#EXPORT}: results over the test set leave the study) before it is written.
 * Both entries carry the candidate run and its model version, the one under review, and the purpose
 * {@value DatasetLedger#PCCP_REVALIDATION}.
 */
public final class PccpRevalidation {

    /** Writes the conformance report of a comparison record into a folder; returns the report. */
    @FunctionalInterface
    public interface ReportWriter {
        /** Writes the report of {@code comparison} into {@code dir}; returns the report. */
        Path write(Path comparison, Path dir) throws IOException;
    }

    /**
     * What a re-validation wrote.
     *
     * @param record the comparison record
     * @param comparison its file, {@value PccpComparison#FILE}
     * @param report the conformance report
     * @param ledger the ledger entries recorded (none without a ledger)
     */
    public record Result(
            ObjectNode record, Path comparison, Path report, List<LedgerEntry> ledger) {

        public Result {
            ledger = List.copyOf(ledger);
        }

        /** The plan's verdict: {@code within plan}, {@code outside plan} or {@code undefined}. */
        public String verdict() {
            return record.path("verdict").asText();
        }

        /** The identity of the locked test set both runs used. */
        public String dataset() {
            return record.path("dataset_sha256").asText();
        }
    }

    private PccpRevalidation() {}

    /**
     * Compares {@code candidate} with {@code baseline} under {@code plan} and writes the record and
     * its report into {@code out}; with {@code ledger}, records the comparison and the export there
     * in the name of {@code user}.
     *
     * @throws ComparisonException as {@link PccpComparison#compare}
     * @throws IOException if a run cannot be read, a file cannot be written, or the ledger cannot
     *     record an access (then the access is not made: nothing more is written)
     */
    public static Result run(
            Path baseline,
            Path candidate,
            PccpPlan plan,
            Path out,
            ReportWriter reports,
            Optional<DatasetLedger> ledger,
            String user)
            throws IOException, ComparisonException {
        ObjectNode record = PccpComparison.compare(baseline, candidate, plan);
        List<LedgerEntry> entries = new ArrayList<>();
        if (ledger.isPresent()) {
            entries.add(
                    ledger.get()
                            .recordRun(
                                    LedgerAction.COMPARE,
                                    candidate,
                                    user,
                                    DatasetLedger.PCCP_REVALIDATION));
        }
        Path file = PccpComparison.write(record, out);
        if (ledger.isPresent()) {
            entries.add(
                    ledger.get()
                            .recordRun(
                                    LedgerAction.EXPORT,
                                    candidate,
                                    user,
                                    DatasetLedger.PCCP_REVALIDATION));
        }
        Path report = reports.write(file, out);
        return new Result(record, file, report, entries);
    }
}
