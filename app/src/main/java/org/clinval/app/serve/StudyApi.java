package org.clinval.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clinval.app.cli.Json;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.validation.Direction;
import org.clinval.validation.roc.RocCurve;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.roc.RocPoint;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.records.RunVerification;
import org.clinval.workflows.records.RunVerifier;

/**
 * What the study pages show of a run folder, read from its records: {@code metrics.json} (the one
 * record of every statistic: the pages compute none again, except the ROC curve's points, drawn by
 * the same {@link RocCurve} the PDF report uses from {@code case-results.csv}), {@code
 * acceptance.json}, {@code quarantine.csv}, {@code signatures.jsonl}, the seal, and the audit
 * trail's verification with the site's public key. Paths and file URIs in the records (protocol
 * path, feature file URI) are left out: they can name folders, and a page has no use for them.
 */
final class StudyApi {

    /** Files of a run a user may download, by the name the page links to. */
    static final Map<String, String> DOWNLOADS =
            Map.of(
                    "report", "reports/validation-report.pdf",
                    "workbook", "reports/validation-workbook.xlsx",
                    "case-results", "case-results.csv",
                    "metrics", "metrics.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace workspace;
    private final Optional<PublicSiteKey> key;

    StudyApi(Workspace workspace, Optional<PublicSiteKey> key) {
        this.workspace = workspace;
        this.key = key;
    }

    /** The list of runs: id, study, title, task, verdict, cases, sealed, signatures. */
    ArrayNode list() throws IOException {
        ArrayNode out = Json.array();
        for (Workspace.Found f : workspace.runs()) {
            JsonNode m = read(f.dir().resolve("metrics.json"));
            ObjectNode r = out.addObject();
            r.put("id", f.id());
            r.put("study", m.path("study").asText(""));
            r.put("title", m.path("title").asText(""));
            r.put("task", m.path("task").asText(""));
            r.put("verdict", m.path("verdict").asText(""));
            r.set("cases", m.path("cases"));
            r.put("sealed", Files.isRegularFile(f.dir().resolve("run-seal.json")));
            r.put("signatures", lines(f.dir().resolve("signatures.jsonl")).size());
            r.put(
                    "modified",
                    Files.getLastModifiedTime(f.dir().resolve("metrics.json")).toString());
        }
        return out;
    }

    /** How long a run's page, with its verification, is shown again without verifying again. */
    static final java.time.Duration REVERIFY = java.time.Duration.ofSeconds(60);

    private record Page(String token, long at, ObjectNode page) {}

    private final java.util.Map<String, Page> pages =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One run's page, or empty when no run has that id. Verifying a run hashes every file of it
     * (seconds for a study with its images), so a page is reused for {@link #REVERIFY} unless the
     * run's records changed; the page says when it was verified.
     */
    Optional<ObjectNode> run(String id) throws IOException {
        Optional<Workspace.Found> found = workspace.run(id);
        if (found.isEmpty()) return Optional.empty();
        Path dir = found.get().dir();
        String token = token(dir);
        Page p = pages.get(id);
        long now = System.nanoTime();
        if (p != null && p.token().equals(token) && now - p.at() < REVERIFY.toNanos()) {
            return Optional.of(p.page());
        }
        ObjectNode page = page(id, dir);
        pages.put(id, new Page(token, now, page));
        return Optional.of(page);
    }

    /** Changes when a record of the run changes: its results, trail, signatures or seal. */
    private static String token(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String f :
                List.of(
                        "metrics.json",
                        AuditTrail.FILE,
                        "signatures.jsonl",
                        "run-seal.json",
                        "acceptance.json",
                        "quarantine.csv")) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                s.append(f)
                        .append(Files.size(p))
                        .append('@')
                        .append(Files.getLastModifiedTime(p).toMillis());
            }
        }
        return s.toString();
    }

    private ObjectNode page(String id, Path dir) throws IOException {
        JsonNode m = read(dir.resolve("metrics.json"));
        ObjectNode r = Json.object();
        r.put("id", id);
        for (String k :
                List.of(
                        "study",
                        "title",
                        "task",
                        "verdict",
                        "cases",
                        "operating_point",
                        "statistics",
                        "confusion_matrix",
                        "auc",
                        "endpoints",
                        "subgroups")) {
            if (m.has(k)) r.set(k, m.get(k));
        }
        r.set("provenance", m.path("provenance"));
        r.set("roc", roc(dir, m));
        r.set("acceptance", acceptance(dir));
        r.set("quarantine", quarantine(dir));
        r.set("signatures", signatures(dir));
        r.set("audit", audit(dir));
        ArrayNode files = r.putArray("downloads");
        for (var e : new java.util.TreeMap<>(DOWNLOADS).entrySet()) {
            if (Files.isRegularFile(dir.resolve(e.getValue()))) files.add(e.getKey());
        }
        return r;
    }

    /** The file behind a download name of run {@code id}, if both exist. */
    Optional<Path> download(String id, String name) {
        String rel = DOWNLOADS.get(name);
        if (rel == null) return Optional.empty();
        return workspace.run(id).map(f -> f.dir().resolve(rel)).filter(Files::isRegularFile);
    }

    private static JsonNode roc(Path dir, JsonNode m) throws IOException {
        JsonNode op = m.path("operating_point");
        Path csv = dir.resolve("case-results.csv");
        if (!m.has("auc") || !op.has("positive_class") || !Files.isRegularFile(csv)) {
            return Json.object();
        }
        String positive = op.get("positive_class").asText();
        List<Boolean> labels = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row :
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(in)) {
                if (!row.isMapped("label") || !row.isMapped("score")) return Json.object();
                labels.add(row.get("label").equals(positive));
                scores.add(Double.parseDouble(row.get("score")));
            }
        }
        boolean[] l = new boolean[labels.size()];
        double[] s = new double[scores.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
            s[i] = scores.get(i);
        }
        RocCurve curve =
                RocCurve.of(RocInput.of(l, s, Direction.parse(op.path("direction").asText())));
        ObjectNode out = Json.object();
        ArrayNode fpr = out.putArray("fpr");
        ArrayNode tpr = out.putArray("tpr");
        for (RocPoint p : curve.points()) {
            fpr.add(1 - p.specificity());
            tpr.add(p.sensitivity());
        }
        return out;
    }

    private static ArrayNode acceptance(Path dir) throws IOException {
        ArrayNode out = Json.array();
        Path f = dir.resolve("acceptance.json");
        if (!Files.isRegularFile(f)) return out;
        for (JsonNode s : read(f).path("scenarios")) {
            ObjectNode o = out.addObject();
            o.put("feature", s.path("feature").asText(""));
            o.put("name", s.path("name").asText(""));
            o.set("tags", s.path("tags"));
            o.put("status", s.path("status").asText(""));
            o.put("message", s.path("message").asText(""));
        }
        return out;
    }

    private static ArrayNode quarantine(Path dir) throws IOException {
        ArrayNode out = Json.array();
        Path f = dir.resolve("quarantine.csv");
        if (!Files.isRegularFile(f)) return out;
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (CSVRecord row :
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(in)) {
                ObjectNode o = out.addObject();
                // The case's pseudonym, the stage and the reason; not the input path.
                o.put("case_id", row.isMapped("case_id") ? row.get("case_id") : "");
                o.put("stage", row.isMapped("stage") ? row.get("stage") : "");
                o.put("reason", row.isMapped("reason") ? row.get("reason") : "");
            }
        }
        return out;
    }

    private static ArrayNode signatures(Path dir) throws IOException {
        ArrayNode out = Json.array();
        for (String line : lines(dir.resolve("signatures.jsonl"))) {
            JsonNode s = JSON.readTree(line);
            ObjectNode o = out.addObject();
            for (String k :
                    List.of("user", "printed_name", "meaning", "time", "object", "object_sha256")) {
                o.put(k, s.path(k).asText(""));
            }
        }
        return out;
    }

    private ObjectNode audit(Path dir) throws IOException {
        ObjectNode o = Json.object();
        o.put(
                "verified_at",
                java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());
        o.put("entries", lines(dir.resolve(AuditTrail.FILE)).size());
        if (key.isEmpty()) {
            o.put("status", "not verified");
            o.put("detail", "the server was started without the site's public key (--keystore)");
            return o;
        }
        if (!Files.isRegularFile(dir.resolve(AuditTrail.FILE))) {
            // Without a trail nothing vouches for the folder's numbers: a copied or hand-made
            // metrics.json must not look like a record.
            o.put("status", "FAILED");
            o.put("detail", "no audit trail: nothing records how these results were made");
            return o;
        }
        RunVerification v = RunVerifier.verify(dir, key.get());
        o.put("status", v.ok() ? "verified" : "FAILED");
        o.put("sealed", v.sealed());
        o.put("signatures_checked", v.signatures());
        o.put("files_checked", v.files());
        // What differs is named by kind only: the finding can quote an input's file name, which
        // may carry PHI; `clinval audit verify` on the server gives the whole finding.
        o.put(
                "detail",
                v.ok()
                        ? "audit trail, signatures, seal and files verify with key " + v.keyId()
                        : v.firstBad()
                                        .map(f -> "a " + f.kind().key() + " record differs")
                                        .orElse("the run does not verify")
                                + " (clinval audit verify on the server names it)");
        return o;
    }

    private static List<String> lines(Path f) throws IOException {
        if (!Files.isRegularFile(f)) return List.of();
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
    }

    private static JsonNode read(Path f) throws IOException {
        return JSON.readTree(f.toFile());
    }
}
