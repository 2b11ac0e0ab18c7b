package org.clinval.surveillance.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Sha256;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;

/**
 * Loads the validated baseline from a finished validation study's run folder: {@code
 * case-results.csv}, {@code metrics.json} and the de-identified images' headers.
 */
public final class BaselineLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineLoader() {}

    /** A run folder that cannot serve as a baseline, with what is wrong. */
    public static final class BaselineException extends Exception {
        private static final long serialVersionUID = 1L;

        public BaselineException(String message) {
            super(message);
        }
    }

    /** Loads the baseline from {@code runDir}. */
    public static Baseline load(Path runDir) throws IOException, BaselineException {
        Path results = runDir.resolve("case-results.csv");
        Path metrics = runDir.resolve("metrics.json");
        for (Path p : List.of(results, metrics)) {
            if (!Files.isRegularFile(p)) {
                throw new BaselineException(
                        runDir
                                + " is not a finished validation study's run folder: "
                                + p.getFileName()
                                + " is missing");
            }
        }
        JsonNode m = JSON.readTree(metrics.toFile());
        if (!"classification".equals(m.path("task").asText("classification"))) {
            throw new BaselineException(
                    metrics
                            + ": task is "
                            + m.path("task").asText()
                            + "; post-market surveillance monitors classification studies");
        }
        double threshold = m.path("operating_point").path("threshold").asDouble(Double.NaN);
        if (!Double.isFinite(threshold)) {
            throw new BaselineException(metrics + ": operating_point.threshold is missing");
        }
        List<String> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> manufacturers = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        String[] hashes = {"", ""};
        try (Reader r = Files.newBufferedReader(results, StandardCharsets.UTF_8);
                CSVParser p =
                        CSVParser.parse(
                                r,
                                CSVFormat.RFC4180
                                        .builder()
                                        .setHeader()
                                        .setSkipHeaderRecord(true)
                                        .get())) {
            for (String col : List.of("case_id", "label", "score", "manufacturer")) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new BaselineException(results + ": no column " + col);
                }
            }
            for (CSVRecord rec : p) {
                try {
                    ids.add(rec.get("case_id"));
                    labels.add(Integer.parseInt(rec.get("label")));
                    scores.add(Double.parseDouble(rec.get("score")));
                    manufacturers.add(rec.get("manufacturer"));
                    sites.add(rec.isMapped("site") ? rec.get("site") : "");
                    if (rec.getRecordNumber() == 1) {
                        if (rec.isMapped("model_sha256")) hashes[0] = rec.get("model_sha256");
                        if (rec.isMapped("dataset_sha256")) hashes[1] = rec.get("dataset_sha256");
                    }
                } catch (NumberFormatException e) {
                    throw new BaselineException(
                            results
                                    + " line "
                                    + (rec.getRecordNumber() + 1)
                                    + ": "
                                    + e.getMessage());
                }
            }
        }
        if (ids.isEmpty()) throw new BaselineException(results + " has no cases");
        Metadata md = metadata(runDir.resolve("deidentified"), ids);
        Map<String, String[]> categorical = new LinkedHashMap<>();
        String[] manufacturer = new String[ids.size()];
        for (int i = 0; i < manufacturer.length; i++) {
            String header = md.manufacturer[i];
            String csv = manufacturers.get(i);
            manufacturer[i] = header != null ? header : csv.isBlank() ? null : csv;
        }
        categorical.put("manufacturer", manufacturer);
        categorical.put("convolution_kernel", md.kernel);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("score", scores.stream().mapToDouble(Double::doubleValue).toArray());
        numeric.put("kvp", md.kvp);
        numeric.put("slice_thickness_mm", md.thickness);
        numeric.put("pixel_spacing_mm", md.spacing);
        double[] field = new double[ids.size()];
        java.util.Arrays.fill(field, Double.NaN);
        numeric.put("magnetic_field_strength_t", field);
        return new Baseline(
                runDir.getFileName().toString(),
                m.path("study").asText(""),
                hashes[0],
                hashes[1],
                Sha256.of(results),
                threshold,
                numeric.get("score"),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                sites.toArray(String[]::new),
                numeric,
                categorical,
                goals(m),
                md.images,
                md.problems);
    }

    private static Map<String, Baseline.Goal> goals(JsonNode m) {
        Map<String, Baseline.Goal> out = new LinkedHashMap<>();
        for (JsonNode ep : m.path("endpoints")) {
            String measure = ep.path("measure").asText();
            if (out.containsKey(measure) || !ep.path("estimate").isNumber()) continue;
            JsonNode c = ep.path("criterion");
            JsonNode ci = ep.path("ci");
            out.put(
                    measure,
                    new Baseline.Goal(
                            measure,
                            ep.path("estimate").asDouble(),
                            ci.path(0).asDouble(Double.NaN),
                            ci.path(1).asDouble(Double.NaN),
                            ep.path("method").asText(""),
                            c.path("estimate_min").isNumber()
                                    ? c.path("estimate_min").asDouble()
                                    : null,
                            c.path("ci_lower_min").isNumber()
                                    ? c.path("ci_lower_min").asDouble()
                                    : null,
                            strings(ep.path("requirements")),
                            strings(ep.path("risk_controls")),
                            ep.path("id").asText("")));
        }
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : a) out.add(n.asText());
        return out;
    }

    private static final class Metadata {
        final String[] manufacturer;
        final String[] kernel;
        final double[] kvp;
        final double[] thickness;
        final double[] spacing;
        final List<String> problems = new ArrayList<>();
        int images;

        Metadata(int n) {
            manufacturer = new String[n];
            kernel = new String[n];
            kvp = nan(n);
            thickness = nan(n);
            spacing = nan(n);
        }

        private static double[] nan(int n) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        }
    }

    /** Reads the first image of each case's de-identified folder. */
    private static Metadata metadata(Path deidentified, List<String> ids) {
        Metadata md = new Metadata(ids.size());
        if (!Files.isDirectory(deidentified)) return md;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Path dir = deidentified.resolve(id);
            if (!Files.isDirectory(dir)) continue;
            Path file;
            try (Stream<Path> files = Files.list(dir)) {
                file =
                        files.filter(f -> f.getFileName().toString().endsWith(".dcm"))
                                .sorted()
                                .findFirst()
                                .orElse(null);
            } catch (IOException e) {
                md.problems.add(id + ": " + e.getMessage());
                continue;
            }
            if (file == null) continue;
            try {
                DicomImage image = DicomReader.read(file);
                DicomMetadata h = image.metadata();
                md.images++;
                final int at = i;
                h.manufacturer().ifPresent(v -> md.manufacturer[at] = v);
                h.convolutionKernel().ifPresent(v -> md.kernel[at] = v);
                h.kvp().ifPresent(v -> md.kvp[at] = v);
                image.geometry().sliceThickness().ifPresent(v -> md.thickness[at] = v);
                image.geometry().spacing().ifPresent(s -> md.spacing[at] = s.row());
            } catch (DicomReadException e) {
                md.problems.add(id + ": " + e.getMessage());
            }
        }
        return md;
    }
}
