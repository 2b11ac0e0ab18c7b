package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Sha256;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlValue;

/**
 * What a document may say about a study: the records of one finished run folder — {@code
 * metrics.json} (the one record of every statistic), {@code case-results.csv} (the per-case
 * results, pseudonymous case ids), the protocol as registered, the seal — and their SHA-256, which
 * every computation reference in a document names. Nothing is computed here that the run did not
 * compute, except counts read off the per-case results.
 */
public final class RunEvidence {

    /** One row of the per-case results. */
    public record CaseRow(String caseId, Map<String, String> values) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final JsonNode metrics;
    private final JsonNode protocol;
    private final JsonNode seal;
    private final List<CaseRow> cases;
    private final String metricsSha256;
    private final String caseResultsSha256;
    private final String protocolSha256;

    private RunEvidence(
            Path dir,
            JsonNode metrics,
            JsonNode protocol,
            JsonNode seal,
            List<CaseRow> cases,
            String metricsSha256,
            String caseResultsSha256,
            String protocolSha256) {
        this.dir = dir;
        this.metrics = metrics;
        this.protocol = protocol;
        this.seal = seal;
        this.cases = List.copyOf(cases);
        this.metricsSha256 = metricsSha256;
        this.caseResultsSha256 = caseResultsSha256;
        this.protocolSha256 = protocolSha256;
    }

    /**
     * Reads run folder {@code dir}.
     *
     * @throws IllegalArgumentException naming the missing record if {@code dir} is not a finished
     *     run folder
     */
    public static RunEvidence read(Path dir) throws IOException {
        Path metricsFile = dir.resolve("metrics.json");
        Path results = dir.resolve("case-results.csv");
        for (Path p : List.of(metricsFile, results)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(
                        dir + " is not a finished study run folder: no " + p.getFileName());
            }
        }
        JsonNode metrics = JSON.readTree(metricsFile.toFile());
        Path protocolFile = dir.resolve("protocol.yaml");
        JsonNode protocol = MissingNode.getInstance();
        String protocolSha = "";
        if (Files.isRegularFile(protocolFile)) {
            YamlDocument y = YamlDocument.read(protocolFile, "protocol.yaml");
            protocol = y.root().map(YamlValue::node).orElse(MissingNode.getInstance());
            protocolSha = Sha256.of(protocolFile);
        }
        Path sealFile = dir.resolve("run-seal.json");
        JsonNode seal =
                Files.isRegularFile(sealFile)
                        ? JSON.readTree(sealFile.toFile())
                        : MissingNode.getInstance();
        List<CaseRow> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            for (CSVRecord rec :
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(r)) {
                rows.add(new CaseRow(rec.get("case_id"), rec.toMap()));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no case-results.csv in " + dir, e);
        }
        return new RunEvidence(
                dir,
                metrics,
                protocol,
                seal,
                rows,
                Sha256.of(metricsFile),
                Sha256.of(results),
                protocolSha);
    }

    public Path dir() {
        return dir;
    }

    /** The statistics record. */
    public JsonNode metrics() {
        return metrics;
    }

    /** The protocol as registered with the run (missing node if the run has none). */
    public JsonNode protocol() {
        return protocol;
    }

    /** The per-case results, in file order. */
    public List<CaseRow> cases() {
        return cases;
    }

    public String metricsSha256() {
        return metricsSha256;
    }

    public String caseResultsSha256() {
        return caseResultsSha256;
    }

    public String protocolSha256() {
        return protocolSha256;
    }

    /** When the run was sealed, if it was. */
    public Optional<String> sealed() {
        return seal.hasNonNull("time") ? Optional.of(seal.get("time").asText()) : Optional.empty();
    }

    /** The one value of column {@code column} over all cases, if they agree (e.g. model hash). */
    public Optional<String> common(String column) {
        String v = null;
        for (CaseRow c : cases) {
            String x = c.values().get(column);
            if (x == null) return Optional.empty();
            if (v == null) v = x;
            else if (!v.equals(x)) return Optional.empty();
        }
        return Optional.ofNullable(v);
    }

    /** The study id recorded in the statistics. */
    public String studyId() {
        return metrics.path("study").asText("");
    }
}
