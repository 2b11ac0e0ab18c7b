package org.clinval.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.clinval.common.Sha256;

/**
 * {@code deviation.json}: the record a {@code RecordDeviation} signature is on. It names the failed
 * endpoints with their reasons (from {@code metrics.json}, whose SHA-256 it carries), the
 * acceptance scenarios that did not pass (from {@code acceptance.json}, with its SHA-256, when the
 * protocol has acceptance criteria), the author's explanation and the time.
 */
final class Deviation {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Deviation() {}

    static Path write(Path runDir, String author, String reason, Instant time) throws IOException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(
                    "a deviation needs a reason: say why the criteria failed and what follows");
        }
        Path metrics = runDir.resolve(ValidationStudy.METRICS);
        JsonNode m = JSON.readTree(metrics.toFile());
        ObjectNode o = JSON.createObjectNode();
        o.put("study", m.path("study").asText());
        o.put("verdict", m.path("verdict").asText());
        o.put("metrics_sha256", Sha256.of(metrics));
        ArrayNode failed = o.putArray("failed_endpoints");
        for (JsonNode e : m.path("endpoints")) {
            if (!"PASS".equals(e.path("verdict").asText())) {
                ObjectNode f = failed.addObject();
                f.put("id", e.path("id").asText());
                f.put("role", e.path("role").asText());
                f.set("reasons", e.path("reasons"));
            }
        }
        Path acceptance = runDir.resolve(ValidationStudy.ACCEPTANCE);
        if (Files.exists(acceptance)) {
            JsonNode a = JSON.readTree(acceptance.toFile());
            o.put("acceptance_sha256", Sha256.of(acceptance));
            o.put("acceptance_passed", a.path("passed").asBoolean(false));
            ArrayNode scenarios = o.putArray("failed_scenarios");
            for (JsonNode sc : a.path("scenarios")) {
                if (!"passed".equals(sc.path("status").asText())) {
                    ObjectNode f = scenarios.addObject();
                    f.put("feature", sc.path("feature").asText());
                    f.put("name", sc.path("name").asText());
                    f.set("tags", sc.path("tags"));
                    f.put("status", sc.path("status").asText());
                    f.put("message", sc.path("message").asText());
                }
            }
        }
        o.put("reason", reason.trim());
        o.put("author", author);
        o.put("time", time.toString());
        Path file = runDir.resolve(ValidationStudy.DEVIATION);
        Files.writeString(file, JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
