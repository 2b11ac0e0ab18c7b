package org.clinval.app.pms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.app.cli.Json;
import org.clinval.workflows.investigation.RevalidationRequests;

/**
 * What a "re-validation" decision starts: the re-validation study's folder, {@code
 * OUT/revalidation/INV-…/}, with the cases of the alarm's window and stratum (pseudonyms,
 * prediction and truth, from {@code joined-cases.csv}: the new study's test set and its ground
 * truth) and the request. The images of those cases are in the site's archive, not in the event
 * stream: the next step, written in the folder, is {@code clinval init} with them, then {@code
 * study check} and {@code study run}, which sign and lock the new study as any other.
 */
final class RevalidationDraft implements RevalidationRequests {

    private final Path out;

    RevalidationDraft(Path out) {
        this.out = out;
    }

    @Override
    public void request(Request r) {
        Path dir = out.resolve("revalidation").resolve(r.investigationId());
        try {
            Files.createDirectories(dir);
            LocalDate from = LocalDate.parse(r.windowStart().substring(0, 10));
            LocalDate to = LocalDate.parse(r.windowEnd().substring(0, 10));
            StringBuilder truth =
                    new StringBuilder("case_id,label,prediction_time,score,decision\n");
            long cases = 0;
            long positives = 0;
            Path joined = out.resolve("joined-cases.csv");
            if (Files.exists(joined)) {
                try (Reader in = Files.newBufferedReader(joined, StandardCharsets.UTF_8);
                        CSVParser p =
                                CSVParser.parse(
                                        in,
                                        CSVFormat.RFC4180
                                                .builder()
                                                .setHeader()
                                                .setSkipHeaderRecord(true)
                                                .get())) {
                    for (CSVRecord c : p) {
                        if (!inStratum(r.stratum(), c)) continue;
                        LocalDate day =
                                Instant.parse(c.get("prediction_time"))
                                        .atZone(ZoneOffset.UTC)
                                        .toLocalDate();
                        if (day.isBefore(from) || !day.isBefore(to.plusDays(1))) continue;
                        truth.append(c.get("case_id"))
                                .append(',')
                                .append(c.get("label"))
                                .append(',')
                                .append(c.get("prediction_time"))
                                .append(',')
                                .append(c.get("score"))
                                .append(',')
                                .append(c.get("decision"))
                                .append('\n');
                        cases++;
                        if (!c.get("label").equals("0")) positives++;
                    }
                }
            }
            Files.writeString(dir.resolve("ground-truth.csv"), truth.toString());
            ObjectNode o = Json.object();
            o.put("investigation_id", r.investigationId());
            ArrayNode alarms = o.putArray("alarm_ids");
            r.alarmIds().forEach(alarms::add);
            o.put("stratum", r.stratum());
            o.put("metric", r.metric());
            o.put("window_start", r.windowStart());
            o.put("window_end", r.windowEnd());
            o.put("cases", cases);
            o.put("positives", positives);
            o.put("ground_truth", "ground-truth.csv");
            o.put(
                    "next",
                    "clinval init "
                            + dir
                            + " --dicom <the images of these cases from the site's archive>"
                            + " --ground-truth "
                            + dir.resolve("ground-truth.csv")
                            + " --model <the device's model>; then clinval study check and"
                            + " clinval study run");
            Files.writeString(dir.resolve("revalidation-request.json"), Json.write(o) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean inStratum(String stratum, CSVRecord c) {
        int eq = stratum.indexOf('=');
        if (eq < 0) return true;
        String kind = stratum.substring(0, eq);
        String value = stratum.substring(eq + 1);
        return switch (kind) {
            case "site" -> value.equals(c.get("site"));
            case "manufacturer" -> value.equals(c.get("manufacturer"));
            case "model_version" -> value.equals(c.get("model_version"));
            default -> true;
        };
    }
}
