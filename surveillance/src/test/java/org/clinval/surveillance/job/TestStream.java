package org.clinval.surveillance.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.clinval.surveillance.baseline.Baseline;

/**
 * A synthetic real-world stream with known answers: three sites, predictions with acquisition
 * metadata, ground truth 1–25 days later (some never, some past the 30-day horizon, one 29 days
 * later), reader decisions, and the faults a real feed has (malformed lines, an unknown type, a
 * duplicate prediction, truth without prediction, an event far behind the stream).
 */
final class TestStream {

    static final LocalDate START = LocalDate.of(2026, 1, 5);
    static final int DAYS = 63;
    static final String[] SITES = {"A", "B", "C"};
    static final int HORIZON_DAYS = 30;

    /** One case the generator knows the fate of. */
    record Case(
            String id,
            String site,
            long predictionTime,
            double score,
            int decision,
            int label,
            long truthTime,
            boolean joins) {}

    final List<Case> cases = new ArrayList<>();
    final List<String[]> lines = new ArrayList<>(); // {time, json}
    int malformed;
    int duplicates;
    int truthWithoutPrediction;
    int late;
    int pastHorizon;
    int readers;

    static TestStream generate(long seed) {
        TestStream s = new TestStream();
        Random rnd = new Random(seed);
        int id = 0;
        for (int day = 0; day < DAYS; day++) {
            for (String site : SITES) {
                for (int k = 0; k < 6; k++) {
                    String caseId = String.format(Locale.ROOT, "P%05d", ++id);
                    long t =
                            millis(START.plusDays(day))
                                    + 8 * 3_600_000L
                                    + rnd.nextInt(10 * 3_600_000);
                    int label = rnd.nextDouble() < 0.35 ? 1 : 0;
                    double score =
                            Math.min(
                                    1,
                                    Math.max(
                                            0,
                                            (label == 1 ? 0.7 : 0.25) + 0.2 * rnd.nextGaussian()));
                    score = Math.round(score * 1e6) / 1e6;
                    int decision = score >= 0.5 ? 1 : 0;
                    s.lines.add(
                            new String[] {
                                pad(t), prediction(caseId, t, site, score, decision, rnd)
                            });
                    double u = rnd.nextDouble();
                    long truth;
                    boolean joins;
                    if (u < 0.04) {
                        truth = -1; // never arrives
                        joins = false;
                    } else if (u < 0.05) {
                        truth = t + 35L * 86_400_000L; // past the horizon
                        joins = false;
                        s.pastHorizon++;
                    } else if (u < 0.055) {
                        truth = t + 29L * 86_400_000L; // late, but within the horizon
                        joins = true;
                    } else {
                        truth = t + (1 + rnd.nextInt(25)) * 86_400_000L + rnd.nextInt(3_600_000);
                        joins = true;
                    }
                    if (truth > 0) {
                        s.lines.add(new String[] {pad(truth), truth(caseId, truth, label)});
                    }
                    if (rnd.nextDouble() < 0.5) {
                        long rt = t + rnd.nextInt(3_600_000);
                        boolean agreed =
                                (decision == label)
                                        ? rnd.nextDouble() < 0.9
                                        : rnd.nextDouble() < 0.5;
                        s.lines.add(new String[] {pad(rt), reader(caseId, rt, agreed)});
                        s.readers++;
                    }
                    s.cases.add(new Case(caseId, site, t, score, decision, label, truth, joins));
                }
            }
        }
        // Faults, placed in time order among the others.
        long mid = millis(START.plusDays(20)) + 12 * 3_600_000L;
        String[] bad = {
            "this is not json",
            "{\"type\":\"prediction\"",
            "{\"type\":\"measurement\",\"case_id\":\"X1\",\"event_time\":\"2026-01-25T12:00:00Z\"}",
            "{\"type\":\"prediction\",\"case_id\":\"X2\",\"event_time\":\"2026-01-25T12:00:00Z\",\"site\":\"A\",\"device_version\":\"2.1\",\"model_version\":\"1.0.0\",\"score\":1.5,\"decision\":1}",
            "{\"type\":\"ground-truth\",\"case_id\":\"X3\",\"event_time\":\"25/01/2026\",\"label\":1,\"source\":\"pathology\"}",
            "{\"type\":\"ground-truth\",\"case_id\":\"../etc/passwd\",\"event_time\":\"2026-01-25T12:00:00Z\",\"label\":1,\"source\":\"pathology\"}",
            ""
        };
        for (String b : bad) s.lines.add(new String[] {pad(mid), b});
        s.malformed = bad.length - 1; // the blank line is no event
        Case first = s.cases.get(10);
        s.lines.add(
                new String[] {
                    pad(first.predictionTime + 60_000),
                    prediction(
                            first.id,
                            first.predictionTime + 60_000,
                            first.site,
                            0.9,
                            1,
                            new Random(1))
                });
        s.duplicates = 1;
        long orphan = millis(START.plusDays(30)) + 3_600_000L;
        s.lines.add(new String[] {pad(orphan), truth("NOPRED1", orphan, 1)});
        s.truthWithoutPrediction = 1;
        // An event 20 days behind the stream: refused as late.
        long lateAt = millis(START.plusDays(50));
        long lateTime = millis(START.plusDays(30));
        s.lines.add(
                new String[] {
                    pad(lateAt), prediction("LATE1", lateTime, "A", 0.1, 0, new Random(2))
                });
        s.late = 1;
        s.lines.sort(Comparator.comparing((String[] l) -> l[0]));
        return s;
    }

    /** Writes the lines into weekly files under {@code dir}. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (String[] l : lines) {
            LocalDate d =
                    Instant.ofEpochMilli(Long.parseLong(l[0])).atZone(ZoneOffset.UTC).toLocalDate();
            String name =
                    String.format(
                            Locale.ROOT,
                            "events-%s.jsonl",
                            d.withDayOfMonth(d.getDayOfMonth() <= 15 ? 1 : 16));
            files.computeIfAbsent(name, k -> new StringBuilder()).append(l[1]).append('\n');
        }
        for (Map.Entry<String, StringBuilder> e : files.entrySet()) {
            Files.writeString(
                    dir.resolve(e.getKey()), e.getValue().toString(), StandardCharsets.UTF_8);
        }
    }

    static Baseline baseline(long seed) {
        Random rnd = new Random(seed);
        int n = 400;
        double[] scores = new double[n];
        int[] labels = new int[n];
        String[] sites = new String[n];
        double[] kvp = new double[n];
        double[] thick = new double[n];
        double[] spacing = new double[n];
        String[] man = new String[n];
        String[] kernel = new String[n];
        double[] field = new double[n];
        Arrays.fill(field, Double.NaN);
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextDouble() < 0.35 ? 1 : 0;
            scores[i] =
                    Math.min(
                            1,
                            Math.max(0, (labels[i] == 1 ? 0.7 : 0.25) + 0.2 * rnd.nextGaussian()));
            sites[i] = SITES[i % 3];
            kvp[i] = site(sites[i]).kvp;
            thick[i] = site(sites[i]).thickness;
            spacing[i] = 0.7 + 0.01 * rnd.nextInt(5);
            man[i] = site(sites[i]).manufacturer;
            kernel[i] = site(sites[i]).kernel;
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("score", scores);
        numeric.put("kvp", kvp);
        numeric.put("slice_thickness_mm", thick);
        numeric.put("pixel_spacing_mm", spacing);
        numeric.put("magnetic_field_strength_t", field);
        Map<String, String[]> cat = new LinkedHashMap<>();
        cat.put("manufacturer", man);
        cat.put("convolution_kernel", kernel);
        Map<String, Baseline.Goal> goals = new LinkedHashMap<>();
        goals.put(
                "sensitivity",
                new Baseline.Goal(
                        "sensitivity",
                        0.9,
                        0.85,
                        0.94,
                        "clopper_pearson",
                        0.85,
                        0.8,
                        List.of("REQ-PERF-001"),
                        List.of("RCM-001"),
                        "EP1"));
        goals.put(
                "specificity",
                new Baseline.Goal(
                        "specificity",
                        0.9,
                        0.86,
                        0.93,
                        "clopper_pearson",
                        0.8,
                        0.75,
                        List.of("REQ-PERF-003"),
                        List.of("RCM-002"),
                        "EP2"));
        return new Baseline(
                "run-test",
                "TEST-STUDY",
                "m".repeat(64),
                "d".repeat(64),
                "c".repeat(64),
                0.5,
                scores,
                labels,
                sites,
                numeric,
                cat,
                goals,
                n,
                List.of());
    }

    record Site(String manufacturer, String kernel, double kvp, double thickness) {}

    static Site site(String s) {
        return switch (s) {
            case "A" -> new Site("GE MEDICAL SYSTEMS", "STANDARD", 120, 2.5);
            case "B" -> new Site("SIEMENS", "B30f", 120, 3.0);
            default -> new Site("Philips", "B", 100, 2.0);
        };
    }

    private static String prediction(
            String id, long t, String site, double score, int decision, Random rnd) {
        Site s = site(site);
        return String.format(
                Locale.ROOT,
                "{\"type\":\"prediction\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"site\":\"%s\",\"device_version\":\"2.1\",\"model_version\":\"1.0.0\",\"score\":%s,\"decision\":%d,\"acquisition\":{\"modality\":\"CT\",\"manufacturer\":\"%s\",\"kvp\":%s,\"slice_thickness_mm\":%s,\"pixel_spacing_mm\":%s,\"convolution_kernel\":\"%s\"}}",
                id,
                Instant.ofEpochMilli(t),
                site,
                Double.toString(score),
                decision,
                s.manufacturer,
                s.kvp,
                s.thickness,
                0.7 + 0.01 * rnd.nextInt(5),
                s.kernel);
    }

    private static String truth(String id, long t, int label) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"ground-truth\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"label\":%d,\"source\":\"pathology\"}",
                id,
                Instant.ofEpochMilli(t),
                label);
    }

    private static String reader(String id, long t, boolean agreed) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"reader-decision\",\"case_id\":\"%s\",\"event_time\":\"%s\",\"agreed\":%s}",
                id,
                Instant.ofEpochMilli(t),
                agreed);
    }

    static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String pad(long t) {
        return String.format(Locale.ROOT, "%015d", t);
    }
}
