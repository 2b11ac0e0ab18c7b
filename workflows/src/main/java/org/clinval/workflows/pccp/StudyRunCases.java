package org.clinval.workflows.pccp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Sha256;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.ledger.DatasetIdentity;

/**
 * The cases of one finished classification study run folder ({@code case-results.csv}, {@code
 * metrics.json}, {@code study.json}) with the identities that make a comparison traceable: model
 * and locked dataset hashes and the hashes of the files read.
 *
 * @param dir the run folder
 * @param study the study id of {@code study.json}
 * @param processInstance the run's process instance id of {@code study.json}
 * @param modelSha256 the model hash every case records
 * @param datasetSha256 the locked dataset's hash every case records
 * @param caseResultsSha256 SHA-256 of {@code case-results.csv}
 * @param metricsSha256 SHA-256 of {@code metrics.json}
 * @param operatingPoint {@code metrics.json} {@code operating_point}, as recorded
 * @param cases the cases by id, in file order
 * @param quarantined the quarantined cases' reasons by id ({@code quarantine.csv}), if any
 */
record StudyRunCases(
        Path dir,
        String study,
        String processInstance,
        String modelSha256,
        String datasetSha256,
        String caseResultsSha256,
        String metricsSha256,
        JsonNode operatingPoint,
        Map<String, Case> cases,
        Map<String, String> quarantined,
        List<String> columns) {

    static final String RESULTS = "case-results.csv";
    static final String METRICS = "metrics.json";
    static final String STUDY = "study.json";
    static final String QUARANTINE = "quarantine.csv";
    static final String MANIFEST = "manifest.sha256";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case: its reference standard, score, recorded call and every column by name. */
    record Case(
            String id, boolean positive, double score, boolean call, CSVRecord row, long line) {}

    /** Returns the run's name in results: its folder's name. */
    String name() {
        return dir.getFileName().toString();
    }

    static StudyRunCases load(Path dir, String role) throws IOException, ComparisonException {
        for (String f : List.of(RESULTS, METRICS, STUDY)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new ComparisonException(
                        "the " + role + " run " + dir + " is not a study run folder: no " + f);
            }
        }
        JsonNode study = JSON.readTree(dir.resolve(STUDY).toFile());
        Path metricsFile = dir.resolve(METRICS);
        JsonNode metrics = JSON.readTree(metricsFile.toFile());
        String task = metrics.path("task").asText("classification");
        if (!task.equals("classification")) {
            throw new ComparisonException(
                    metricsFile + ": task is " + task + "; a PCCP comparison needs classification");
        }
        Path results = dir.resolve(RESULTS);
        Map<String, Case> cases = new LinkedHashMap<>();
        String[] hashes = {null, null};
        List<String> columns;
        try (Reader r = Files.newBufferedReader(results, StandardCharsets.UTF_8);
                CSVParser p =
                        CSVParser.parse(
                                r,
                                CSVFormat.RFC4180
                                        .builder()
                                        .setHeader()
                                        .setSkipHeaderRecord(true)
                                        .get())) {
            columns = List.copyOf(p.getHeaderNames());
            for (String col :
                    List.of(
                            "case_id",
                            "label",
                            "score",
                            "prediction",
                            "model_sha256",
                            "dataset_sha256")) {
                if (!columns.contains(col)) {
                    throw new ComparisonException(results + ": no column " + col);
                }
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                String id = rec.get("case_id");
                same(results, line, "model_sha256", rec.get("model_sha256"), hashes, 0);
                same(results, line, "dataset_sha256", rec.get("dataset_sha256"), hashes, 1);
                Case c =
                        new Case(
                                id,
                                binary(results, line, "label", rec.get("label")),
                                score(results, line, rec.get("score")),
                                binary(results, line, "prediction", rec.get("prediction")),
                                rec,
                                line);
                if (cases.putIfAbsent(id, c) != null) {
                    throw new ComparisonException(
                            results + " line " + line + ": case " + id + " appears twice");
                }
            }
        }
        if (cases.isEmpty()) throw new ComparisonException(results + " has no cases");
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            // The dataset's identity (its part of the locked manifest, the same in every run on
            // it); runs made before that was recorded hold the hash of their whole manifest.
            String whole = ChecksumManifest.read(manifest).contentSha256();
            String identity = lockedDataset(dir);
            String locked = identity.isEmpty() ? whole : identity;
            if (!identity.equals(hashes[1]) && !whole.equals(hashes[1])) {
                throw new ComparisonException(
                        results
                                + ": dataset_sha256 "
                                + hashes[1]
                                + " is not the hash of the dataset locked in "
                                + manifest
                                + " ("
                                + locked
                                + ")");
            }
        }
        return new StudyRunCases(
                dir,
                study.path("study").asText(""),
                study.path("process_instance").asText(""),
                hashes[0],
                hashes[1],
                Sha256.of(results),
                Sha256.of(metricsFile),
                metrics.path("operating_point"),
                cases,
                quarantine(dir.resolve(QUARANTINE)),
                columns);
    }

    private static Map<String, String> quarantine(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p =
                        CSVParser.parse(
                                r,
                                CSVFormat.RFC4180
                                        .builder()
                                        .setHeader()
                                        .setSkipHeaderRecord(true)
                                        .get())) {
            if (!p.getHeaderNames().contains("case_id")) return out;
            boolean reason = p.getHeaderNames().contains("reason");
            for (CSVRecord rec : p) {
                out.putIfAbsent(rec.get("case_id"), reason ? rec.get("reason") : "");
            }
        }
        return out;
    }

    private static void same(Path f, long line, String col, String v, String[] seen, int i)
            throws ComparisonException {
        if (v.isBlank()) {
            throw new ComparisonException(f + " line " + line + ": " + col + " is empty");
        }
        if (seen[i] == null) seen[i] = v;
        else if (!seen[i].equals(v)) {
            throw new ComparisonException(
                    f
                            + " line "
                            + line
                            + ": "
                            + col
                            + " "
                            + v
                            + " differs from "
                            + seen[i]
                            + " on the lines before: one run, one "
                            + col);
        }
    }

    private static boolean binary(Path f, long line, String col, String v)
            throws ComparisonException {
        return switch (v.trim()) {
            case "1" -> true;
            case "0" -> false;
            default ->
                    throw new ComparisonException(
                            f + " line " + line + ": " + col + " is not 0 or 1: " + v);
        };
    }

    private static double score(Path f, long line, String v) throws ComparisonException {
        try {
            double s = Double.parseDouble(v.trim());
            if (Double.isFinite(s)) return s;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ComparisonException(f + " line " + line + ": score is not a finite number: " + v);
    }

    /** Returns the value of {@code column} for case {@code c}. */
    static Optional<String> value(Case c, String column) {
        return c.row().isMapped(column) ? Optional.of(c.row().get(column)) : Optional.empty();
    }

    /** The identity of the dataset locked in {@code dir}, or "" when it cannot be read. */
    private static String lockedDataset(Path dir) {
        try {
            return DatasetIdentity.ofRun(dir);
        } catch (IOException e) {
            return "";
        }
    }
}
