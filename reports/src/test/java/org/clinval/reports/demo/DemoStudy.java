package org.clinval.reports.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.clinval.reports.model.AuditRow;
import org.clinval.reports.model.CaseRow;
import org.clinval.reports.model.DatasetInfo;
import org.clinval.reports.model.DeviceInfo;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.OperatingPoint;
import org.clinval.reports.model.QuarantineRow;
import org.clinval.reports.model.RocSummary;
import org.clinval.reports.model.SignatureRow;
import org.clinval.reports.model.StudyInfo;
import org.clinval.reports.model.SubgroupRow;
import org.clinval.reports.model.ValidationReport;
import org.clinval.reports.model.Verdict;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.Interval;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocCurve;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.roc.RocPoint;
import org.clinval.validation.subgroup.SubgroupAnalysis;

/**
 * A synthetic lung-nodule CT study whose every number is computed by the validation module: 604
 * cases from three sites, four quarantined, scores from a binormal model. It has what a real report
 * must handle: a failed secondary endpoint, an undefined estimate (sensitivity on a scanner type
 * without positive cases), small subgroups flagged, quarantined inputs, two signatures and an
 * audit-trail excerpt.
 *
 * @param report the report
 * @param cases the analysed cases, for the workbook
 */
public record DemoStudy(ValidationReport report, List<CaseRow> cases) {

    /** The operating threshold on the model's malignancy probability. */
    public static final double THRESHOLD = 0.5;

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);
    private static final BinomialInterval CI = BinomialInterval.WILSON;
    private static final String CI_NAME = "Wilson score";
    private static final Instant FINISHED = Instant.parse("2025-06-02T14:03:11Z");

    public DemoStudy {
        cases = List.copyOf(cases);
    }

    /** Generates the study from {@code seed}; the same seed gives the same report. */
    public static DemoStudy generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String modelSha = sha256("model " + seed);
        String manifestSha = sha256("manifest " + seed);

        List<CaseRow> cases = new ArrayList<>();
        addSite(cases, random, "A", "Vendor A", 300, 0.36, modelSha, manifestSha);
        addSite(cases, random, "B", "Vendor B", 258, 0.32, modelSha, manifestSha);
        addSite(cases, random, "C", "Vendor A", 30, 0.30, modelSha, manifestSha);
        // A scanner type seen only at site C and, by chance, only on benign cases.
        addSite(cases, random, "C", "Vendor C", 12, 0.0, modelSha, manifestSha);

        int n = cases.size();
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        String[] site = new String[n];
        String[] manufacturer = new String[n];
        for (int i = 0; i < n; i++) {
            CaseRow c = cases.get(i);
            positive[i] = c.label() == 1;
            score[i] = c.score();
            site[i] = c.site();
            manufacturer[i] = c.manufacturer();
        }

        ConfusionMatrix matrix = ConfusionMatrix.of(positive, score, THRESHOLD, ThresholdRule.GE);
        DiagnosticAccuracy accuracy = DiagnosticAccuracy.of(matrix, LEVEL);
        RocInput rocInput = RocInput.of(positive, score, Direction.HIGHER);
        AucEstimate auc = DeLong.auc(rocInput, LEVEL);
        RocCurve curve = RocCurve.of(rocInput);
        RocPoint operating =
                new RocPoint(
                        THRESHOLD,
                        (int) matrix.tp(),
                        (int) matrix.fp(),
                        accuracy.sensitivity().estimate().orElseThrow(),
                        accuracy.specificity().estimate().orElseThrow());

        SubgroupAnalysis subgroups =
                SubgroupAnalysis.builder()
                        .setCases(positive, score)
                        .setOperatingPoint(THRESHOLD, ThresholdRule.GE)
                        .setDirection(Direction.HIGHER)
                        .setLevel(LEVEL)
                        .setMinimumPerClass(20)
                        .optMaximumWidth(0.25, CI)
                        .build();
        Map<String, String[]> attributes = new LinkedHashMap<>();
        attributes.put("site", site);
        attributes.put("manufacturer", manufacturer);
        List<SubgroupRow> rows = new ArrayList<>();
        subgroups
                .by(attributes)
                .values()
                .forEach(l -> l.forEach(r -> rows.add(SubgroupRow.of(r, CI))));

        boolean[] vendorC = new boolean[n];
        int vendorCPositives = 0;
        int vendorCTrue = 0;
        for (int i = 0; i < n; i++) {
            vendorC[i] = manufacturer[i].equals("Vendor C");
            if (vendorC[i] && positive[i]) {
                vendorCPositives++;
                if (score[i] >= THRESHOLD) vendorCTrue++;
            }
        }
        Proportion vendorCSensitivity =
                Proportion.of("sensitivity", vendorCTrue, vendorCPositives, LEVEL);

        List<EndpointResult> endpoints =
                List.of(
                        lowerBound(
                                "EP-01",
                                "Sensitivity for malignant nodules",
                                accuracy.sensitivity(),
                                0.80,
                                true,
                                List.of("REQ-PERF-001"),
                                List.of("RC-07")),
                        lowerBound(
                                "EP-02",
                                "Specificity for malignant nodules",
                                accuracy.specificity(),
                                0.80,
                                true,
                                List.of("REQ-PERF-002"),
                                List.of("RC-08")),
                        aucEndpoint(auc, 0.85),
                        estimateAtLeast(
                                "EP-04",
                                "Positive predictive value",
                                accuracy.ppv(),
                                0.90,
                                List.of("REQ-PERF-004"),
                                List.of("RC-09")),
                        lowerBound(
                                "EP-05",
                                "Sensitivity on Vendor C scanners",
                                vendorCSensitivity,
                                0.70,
                                false,
                                List.of("REQ-PERF-005", "REQ-GEN-002"),
                                List.of("RC-12")));

        Verdict verdict = verdict(endpoints);
        List<QuarantineRow> quarantine =
                List.of(
                        new QuarantineRow(
                                "CASE-0147",
                                "series 3 (CT, 1 image)",
                                "a single image: the protocol requires a volume of at least 40 slices"),
                        new QuarantineRow(
                                "CASE-0288",
                                "series 2 (CT)",
                                "Pixel Spacing (0028,0030) is missing; no physical spacing is assumed"),
                        new QuarantineRow(
                                "CASE-0391",
                                "series 4 (CT)",
                                "burned-in annotation detected by the PHI check; removed from analysis"),
                        new QuarantineRow(
                                "CASE-0602",
                                "series 1 (CT)",
                                "transfer syntax 1.2.840.10008.1.2.4.100 (MPEG-2) is not supported"));
        DatasetInfo dataset =
                new DatasetInfo(
                        "LUNG-CT-LOCKED-2025-05",
                        manifestSha,
                        n + quarantine.size(),
                        n,
                        quarantine.size());
        StudyInfo study =
                new StudyInfo(
                        "CV-2025-014",
                        "Standalone performance of NoduleScore 2.3 on a locked multi-site chest CT test set",
                        "Computer-aided detection of malignant pulmonary nodules on non-contrast chest CT"
                                + " in adults, as a concurrent reader aid for radiologists.",
                        "run-2025-06-02-01",
                        FINISHED,
                        "clinval 0.1.0",
                        sha256("protocol " + seed));
        DeviceInfo device =
                new DeviceInfo("NoduleScore", "2.3.0", modelSha, sha256("descriptor " + seed));
        String signedSha = sha256("report content " + seed);
        List<SignatureRow> signatures =
                List.of(
                        new SignatureRow(
                                "qa.mlindqvist",
                                "Maria Lindqvist",
                                "Reviewed: results are complete and correct",
                                FINISHED.plus(Duration.ofMinutes(95)),
                                signedSha),
                        new SignatureRow(
                                "ra.tokafor",
                                "Tobi Okafor",
                                "Approved: released as the validation record",
                                FINISHED.plus(Duration.ofHours(20)),
                                signedSha));

        ValidationReport report =
                new ValidationReport(
                        study,
                        device,
                        dataset,
                        new OperatingPoint(THRESHOLD, ThresholdRule.GE, "malignant nodule"),
                        endpoints,
                        verdict,
                        matrix,
                        new RocSummary(auc, curve.points(), operating),
                        rows,
                        quarantine,
                        signatures,
                        audit(study, dataset, device, signatures));
        return new DemoStudy(report, cases);
    }

    private static void addSite(
            List<CaseRow> cases,
            SplittableRandom random,
            String site,
            String manufacturer,
            int count,
            double prevalence,
            String modelSha,
            String manifestSha) {
        for (int k = 0; k < count; k++) {
            boolean positive = random.nextDouble() < prevalence;
            // Binormal latent score, separation 2.5 standard deviations, mapped to (0, 1) so that
            // the threshold 0.5 cuts the latent scale at 1.2.
            double latent = random.nextGaussian() + (positive ? 2.5 : 0);
            double probability = 1 / (1 + Math.exp(-1.7 * (latent - 1.2)));
            double score = Math.round(probability * 10_000) / 10_000.0;
            String id = String.format(java.util.Locale.ROOT, "CASE-%04d", cases.size() + 1);
            cases.add(
                    new CaseRow(
                            id,
                            site,
                            manufacturer,
                            positive ? 1 : 0,
                            score,
                            ThresholdRule.GE.isPositive(score, THRESHOLD) ? 1 : 0,
                            modelSha,
                            manifestSha));
        }
    }

    private static EndpointResult lowerBound(
            String id,
            String title,
            Proportion p,
            double goal,
            boolean primary,
            List<String> requirements,
            List<String> riskControls) {
        Optional<Interval> ci = p.interval(CI);
        boolean passed = ci.isPresent() && ci.get().lower() >= goal;
        return new EndpointResult(
                id,
                title,
                p.name(),
                p.estimate(),
                ci,
                CI_NAME,
                LEVEL.value(),
                "lower 95% bound \u2265 " + String.format(java.util.Locale.ROOT, "%.2f", goal),
                primary,
                passed,
                requirements,
                riskControls,
                p.undefinedReason()
                        .map(
                                r ->
                                        r
                                                + " (no reference-positive case was acquired on this scanner type)"));
    }

    private static EndpointResult estimateAtLeast(
            String id,
            String title,
            Proportion p,
            double goal,
            List<String> requirements,
            List<String> riskControls) {
        boolean passed = p.estimate().isPresent() && p.estimate().getAsDouble() >= goal;
        return new EndpointResult(
                id,
                title,
                p.name(),
                p.estimate(),
                p.interval(CI),
                CI_NAME,
                LEVEL.value(),
                "estimate \u2265 " + String.format(java.util.Locale.ROOT, "%.2f", goal),
                false,
                passed,
                requirements,
                riskControls,
                p.undefinedReason());
    }

    private static EndpointResult aucEndpoint(AucEstimate auc, double goal) {
        boolean passed = auc.ci().isPresent() && auc.ci().get().lower() >= goal;
        return new EndpointResult(
                "EP-03",
                "Area under the ROC curve",
                "AUC",
                OptionalDouble.of(auc.auc()),
                auc.ci(),
                "DeLong",
                auc.level().value(),
                "lower 95% bound \u2265 " + String.format(java.util.Locale.ROOT, "%.2f", goal),
                false,
                passed,
                List.of("REQ-PERF-003"),
                List.of(),
                Optional.empty());
    }

    private static Verdict verdict(List<EndpointResult> endpoints) {
        List<String> primary = new ArrayList<>();
        List<String> notMet = new ArrayList<>();
        boolean passed = true;
        for (EndpointResult e : endpoints) {
            if (e.primary()) {
                primary.add(e.id());
                passed &= e.passed();
            } else if (!e.passed()) {
                notMet.add(e.id() + (e.isDefined() ? "" : " (undefined)"));
            }
        }
        String statement =
                (passed
                                ? "The device met every primary endpoint ("
                                : "The device did not meet every primary endpoint (")
                        + String.join(", ", primary)
                        + "), which decide the verdict under the protocol."
                        + (notMet.isEmpty()
                                ? ""
                                : " Secondary endpoints not met: "
                                        + String.join(", ", notMet)
                                        + "; they are reported for information.");
        return new Verdict(passed, statement);
    }

    private static List<AuditRow> audit(
            StudyInfo study, DatasetInfo dataset, DeviceInfo device, List<SignatureRow> sigs) {
        Instant t = FINISHED.minus(Duration.ofDays(12));
        List<AuditRow> rows = new ArrayList<>();
        rows.add(
                row(
                        rows,
                        t,
                        "ra.tokafor",
                        "protocol.approve",
                        study.id() + " protocol v3",
                        "protocol approved for execution"));
        t = t.plus(Duration.ofDays(2));
        rows.add(
                row(
                        rows,
                        t,
                        "qa.mlindqvist",
                        "dataset.lock",
                        dataset.name(),
                        "test set frozen before first inference"));
        t = t.plus(Duration.ofHours(1));
        rows.add(
                row(
                        rows,
                        t,
                        "system",
                        "phi.check",
                        dataset.name(),
                        "604 cases checked; 1 burned-in annotation found"));
        t = t.plus(Duration.ofHours(1));
        rows.add(
                row(
                        rows,
                        t,
                        "system",
                        "case.quarantine",
                        "4 cases",
                        "inputs failed the acquisition requirements"));
        t = FINISHED.minus(Duration.ofHours(3));
        rows.add(
                row(
                        rows,
                        t,
                        "system",
                        "inference.start",
                        device.name() + " " + device.version(),
                        "run " + study.runId()));
        t = t.plus(Duration.ofMinutes(150));
        rows.add(
                row(
                        rows,
                        t,
                        "system",
                        "inference.finish",
                        "600 case results",
                        "exactly-once results committed"));
        rows.add(
                row(
                        rows,
                        FINISHED.minus(Duration.ofMinutes(20)),
                        "system",
                        "analysis.run",
                        "metrics.json",
                        "seed 20250602; 95% intervals"));
        rows.add(
                row(
                        rows,
                        FINISHED,
                        "system",
                        "report.generate",
                        "validation report",
                        "acceptance criteria evaluated"));
        for (SignatureRow s : sigs) {
            rows.add(
                    row(
                            rows,
                            s.time(),
                            s.userId(),
                            "signature.apply",
                            "validation report",
                            s.meaning()));
        }
        return rows;
    }

    private static AuditRow row(
            List<AuditRow> rows,
            Instant t,
            String user,
            String action,
            String object,
            String reason) {
        return new AuditRow(rows.size() + 1L, t, user, action, object, reason);
    }

    /** Returns the SHA-256 of {@code text} in UTF-8, in lower-case hexadecimal. */
    static String sha256(String text) {
        return org.clinval.common.Sha256.ofText(text);
    }
}
