package org.clinval.features.evidence;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.workflows.analysis.CaseResult;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.analysis.TaskInputs;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.InvalidProtocolException;
import org.clinval.workflows.protocol.OperatingPoint;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * A finished study run as its folder holds it: the approved protocol ({@code protocol.yaml}), the
 * case results ({@code case-results.csv}) and, when present, the quarantined cases ({@code
 * quarantine.csv}, columns {@code case_id} and {@code reason}, others ignored) and, for a
 * segmentation or detection study, what its task adds: the segmentation columns of the case
 * results, or the candidates and lesions next to them ({@link TaskInputs}).
 *
 * <p>Reading checks what the analysis checks, so that a step never measures data the analysis would
 * have refused: a case is positive when its label is the protocol's positive class, every other
 * label must be one and the same negative label, and each recorded prediction must agree with its
 * score at the protocol's operating point.
 */
public final class StudyRun {

    /** The case results' file name. */
    public static final String CASE_RESULTS = "case-results.csv";

    /** The quarantined cases' file name. */
    public static final String QUARANTINE = "quarantine.csv";

    private final Path dir;
    private final StudyProtocol protocol;
    private final List<CaseResult> cases;
    private final boolean[] positive;
    private final double[] score;
    private final Optional<List<QuarantinedCase>> quarantine;
    private final TaskInputs task;

    private StudyRun(
            Path dir,
            StudyProtocol protocol,
            List<CaseResult> cases,
            boolean[] positive,
            double[] score,
            Optional<List<QuarantinedCase>> quarantine,
            TaskInputs task) {
        this.dir = dir;
        this.protocol = protocol;
        this.cases = cases;
        this.positive = positive;
        this.score = score;
        this.quarantine = quarantine;
        this.task = task;
    }

    /**
     * Reads run folder {@code dir}.
     *
     * @throws IOException naming the file (and line, column or case) that is missing or wrong
     */
    public static StudyRun open(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new NoSuchFileException(d + ": no such run folder");
        }
        StudyProtocol protocol = protocol(d.resolve(FileDatasetService.PROTOCOL));
        Path results = d.resolve(CASE_RESULTS);
        if (!Files.exists(results)) {
            throw new NoSuchFileException(results + ": the run has no case results");
        }
        List<CaseResult> cases = List.copyOf(CaseResultsCsv.read(results));
        OperatingPoint op = protocol.operatingPoint();
        boolean[] positive = new boolean[cases.size()];
        double[] score = new double[cases.size()];
        TreeSet<String> negativeLabels = new TreeSet<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseResult c = cases.get(i);
            positive[i] = c.label().equals(op.positiveClass());
            if (!positive[i]) negativeLabels.add(c.label());
            score[i] = c.score();
            // A grading study's call is the model's grade at the case-level cut, checked against
            // the grades when its task inputs are read.
            if (protocol.task() != org.clinval.workflows.protocol.Task.GRADING
                    && op.rule().isPositive(c.score(), op.threshold()) != c.prediction()) {
                throw new IOException(
                        results
                                + ": case "
                                + c.caseId()
                                + ": prediction "
                                + (c.prediction() ? 1 : 0)
                                + " disagrees with score "
                                + c.score()
                                + " at the protocol's threshold "
                                + op.rule().symbol()
                                + " "
                                + op.threshold());
            }
        }
        if (negativeLabels.size() > 1) {
            throw new IOException(
                    results
                            + ": labels other than the positive class '"
                            + op.positiveClass()
                            + "' must be one negative label: found "
                            + String.join(", ", negativeLabels));
        }
        Path q = d.resolve(QUARANTINE);
        Optional<List<QuarantinedCase>> quarantine =
                Files.exists(q) ? Optional.of(quarantine(q)) : Optional.empty();
        TaskInputs task = TaskInputs.read(protocol, results, cases);
        return new StudyRun(d, protocol, cases, positive, score, quarantine, task);
    }

    private static StudyProtocol protocol(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(
                    file + ": the run has no approved protocol, so its operating point is unknown");
        }
        try {
            // The run's copy; its paths are not needed here, so they are not checked.
            return ProtocolReader.read(file, file.getParent(), false);
        } catch (InvalidProtocolException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<QuarantinedCase> quarantine(Path file) throws IOException {
        List<QuarantinedCase> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv =
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .setTrim(true)
                                .get()
                                .parse(r)) {
            for (String c : List.of("case_id", "reason")) {
                if (!csv.getHeaderMap().containsKey(c)) {
                    throw new IOException(
                            file
                                    + ": has no column '"
                                    + c
                                    + "' (columns: "
                                    + csv.getHeaderNames()
                                    + ")");
                }
            }
            for (CSVRecord rec : csv) {
                long line = rec.getParser().getCurrentLineNumber();
                String id = rec.isSet("case_id") ? rec.get("case_id") : "";
                if (id.isBlank()) {
                    throw new IOException(file + ", line " + line + ", column case_id: missing");
                }
                out.add(
                        new QuarantinedCase(
                                id, rec.isSet("reason") ? rec.get("reason").strip() : "", line));
            }
        }
        return List.copyOf(out);
    }

    /** Returns the run folder. */
    public Path dir() {
        return dir;
    }

    /** Returns the run's id: its folder's name, as the risk check names runs. */
    public String id() {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** Returns the approved protocol of the run. */
    public StudyProtocol protocol() {
        return protocol;
    }

    /** Returns the case results, in file order. */
    public List<CaseResult> cases() {
        return cases;
    }

    /** Returns whether case {@code i} is reference-positive. */
    public boolean positive(int i) {
        return positive[i];
    }

    /** Returns the score of case {@code i}. */
    public double score(int i) {
        return score[i];
    }

    /**
     * Returns the quarantined cases, or empty when the run folder has no {@code quarantine.csv}.
     */
    public Optional<List<QuarantinedCase>> quarantine() {
        return quarantine;
    }

    /**
     * Returns what the protocol's task adds to the case results: the segmentation results or the
     * candidates and lesions; neither for a classification study.
     */
    public TaskInputs task() {
        return task;
    }

    /** Returns every case. */
    public Selection all() {
        return new Selection("all cases", IntStream.range(0, cases.size()).toArray());
    }

    /**
     * Returns the cases whose {@code attribute} ({@code site}, {@code manufacturer}, {@code sex} or
     * {@code age_band}) is {@code value}; possibly none.
     */
    public Selection where(String attribute, String value) {
        return new Selection(
                label(attribute) + " " + value,
                IntStream.range(0, cases.size())
                        .filter(i -> cases.get(i).attribute(attribute).equals(value))
                        .toArray());
    }

    /** Returns one selection per value of {@code attribute}, by value. */
    public Map<String, Selection> subgroups(String attribute) {
        Map<String, Selection> out = new TreeMap<>();
        for (CaseResult c : cases) {
            out.computeIfAbsent(c.attribute(attribute), v -> where(attribute, v));
        }
        return out;
    }

    /** Returns the attribute in words, e.g. {@code age band} for {@code age_band}. */
    public static String label(String attribute) {
        return attribute.replace('_', ' ');
    }
}
