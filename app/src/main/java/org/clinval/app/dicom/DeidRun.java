package org.clinval.app.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Progress;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.DeidPlan;
import org.clinval.imaging.deid.DeidResult;
import org.clinval.imaging.deid.Deidentifier;
import org.clinval.imaging.deid.Pseudonym;

/**
 * One run of {@code clinval dicom deid} over its plan: writes each file with progress on stderr and
 * records, per input, the file written or why not. Inputs are named by position only; an error
 * message that starts with an input's path (as the de-identifier's do) gets the position instead.
 */
final class DeidRun {

    private final Deidentifier deid;
    private final DeidPlan plan;
    private final List<Path> files;
    private final Path out;
    private final boolean singleFile;
    private final PrintWriter err;
    private final ArrayNode outputs = Json.array();
    private final List<ObjectNode> notWritten = new ArrayList<>();
    private int failed;

    /**
     * @param files the inputs in plan order
     * @param out the output folder, or the output file when {@code singleFile}
     */
    DeidRun(
            Deidentifier deid,
            DeidPlan plan,
            List<Path> files,
            Path out,
            boolean singleFile,
            PrintWriter err) {
        this.deid = deid;
        this.plan = plan;
        this.files = files;
        this.out = out;
        this.singleFile = singleFile;
        this.err = err;
    }

    /** Writes every file of the plan; returns the number of DICOM files not de-identified. */
    int run() {
        for (DeidPlan.Excluded x : plan.excluded()) {
            failed += x.failure() ? 1 : 0;
            notWritten.add(notWritten(x.input(), x.reason(), x.failure()));
        }
        try (Progress progress = new Progress("de-identified", plan.entries().size(), err)) {
            for (DeidPlan.Entry e : plan.entries()) {
                write(e);
                progress.step();
            }
        }
        notWritten.sort(Comparator.comparingInt(n -> n.get("input").asInt()));
        return failed;
    }

    private void write(DeidPlan.Entry e) {
        Path target = singleFile ? out : out.resolve(e.output());
        try {
            DeidResult r = deid.deidentify(e.file(), target, Pseudonym.of(e.pseudonym()));
            ObjectNode o = outputs.addObject();
            o.put("input", e.input());
            o.put("pseudonym", e.pseudonym());
            o.put("file", r.output().toString());
            ArrayNode w = o.putArray("warnings");
            for (String warning : r.warnings()) {
                w.add(warning);
                err.println("clinval: warning: input #" + e.input() + ": " + warning);
            }
        } catch (ImagingException ex) {
            failed++;
            String reason = anonymous(ex.getMessage(), files.get(e.input() - 1), e.input());
            notWritten.add(notWritten(e.input(), reason, true));
            err.println("clinval: " + reason);
        }
    }

    /** Puts the counts, {@code outputs} and {@code not_written} into {@code json}. */
    void record(ObjectNode json) {
        json.put("inputs", files.size());
        json.put("written", outputs.size());
        json.put("skipped", notWritten.size() - failed);
        json.put("failed", failed);
        json.put("patients", plan.key().size());
    }

    /** Puts the per-input lists into {@code json}. */
    void recordFiles(ObjectNode json) {
        json.set("outputs", outputs);
        json.putArray("not_written").addAll(notWritten);
    }

    /** Returns the number of DICOM files the run was to write (not counting non-DICOM files). */
    int dicomFiles() {
        return outputs.size() + failed;
    }

    /** Returns {@code message} with {@code file}'s path, absolute or as given, replaced. */
    static String anonymous(String message, Path file, int input) {
        return message.replace(file.toAbsolutePath().toString(), "input #" + input)
                .replace(file.toString(), "input #" + input);
    }

    private static ObjectNode notWritten(int input, String reason, boolean failure) {
        ObjectNode o = Json.object();
        o.put("input", input);
        o.put("reason", reason);
        o.put("failure", failure);
        return o;
    }
}
