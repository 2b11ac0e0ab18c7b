package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;
import org.clinval.workflows.protocol.ReaderStudySettings;
import org.clinval.workflows.readers.ReadsCopy;
import org.clinval.workflows.readers.ReadsFile;

/**
 * What the analysis of a reader-study arm reads from the run folder: the copy of the reads ({@value
 * ReadsCopy#FILE}, cases named as in the case results) and why the study quarantined a case ({@code
 * quarantine.csv}), so that the reads of a case without a result are excluded with that reason.
 *
 * @param reads the reads
 * @param quarantined case id to the reason it was quarantined
 */
public record ReaderInputs(ReadsFile reads, Map<String, String> quarantined) {

    public ReaderInputs {
        quarantined = Map.copyOf(quarantined);
    }

    /**
     * Reads the reads copy and {@code quarantine.csv} of run folder {@code runDir}.
     *
     * @throws IOException if the copy is missing or has a problem (it was checked before the
     *     approval and locked), naming the file and line
     */
    public static ReaderInputs read(ReaderStudySettings s, Path runDir) throws IOException {
        Path copy = runDir.resolve(ReadsCopy.FILE);
        if (!Files.exists(copy)) {
            throw new IOException(
                    copy + ": missing; the protocol has a reader study (reader_study)");
        }
        ReadsFile reads = ReadsFile.read(copy, s.unaided(), s.aided());
        if (!reads.ok()) {
            throw new IOException(reads.problems().get(0).toString());
        }
        Map<String, String> quarantined = new LinkedHashMap<>();
        Path q = runDir.resolve("quarantine.csv");
        if (Files.exists(q)) {
            try {
                CsvColumns c = CsvReader.builder().text("case_id").text("reason").build().read(q);
                TextColumn id = c.textWithEmpty("case_id");
                TextColumn reason = c.textWithEmpty("reason");
                for (int row = 0; row < c.size(); row++) {
                    quarantined.putIfAbsent(id.value(row), reason.value(row));
                }
            } catch (CsvException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return new ReaderInputs(reads, quarantined);
    }
}
