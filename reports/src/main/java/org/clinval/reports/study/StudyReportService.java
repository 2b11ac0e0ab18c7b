package org.clinval.reports.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.reports.ReportException;
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
import org.clinval.reports.pdf.ValidationReportPdf;
import org.clinval.reports.xlsx.ValidationWorkbook;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.roc.RocCurve;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.roc.RocPoint;
import org.clinval.validation.subgroup.SubgroupResult;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.EndpointRole;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.ReportRequest;
import org.clinval.workflows.service.ReportService;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.Signer;

/**
 * The study's report step: the reports module behind the workflows module's {@link ReportService},
 * the validation report (PDF/A-1b) and the workbook, both built from the one analysis the study
 * computed, the case results and quarantine the inference wrote, and the run's signatures and audit
 * trail so far.
 */
public final class StudyReportService implements ReportService {

    /** The report's file name in the reports folder. */
    public static final String PDF = "validation-report.pdf";

    /** The workbook's file name in the reports folder. */
    public static final String XLSX = "validation-workbook.xlsx";

    private final Clock clock;
    private final String version;

    /**
     * @param clock the clock of the reports' dates
     * @param version the suite's version, printed in the reports
     */
    public StudyReportService(Clock clock, String version) {
        this.clock = clock;
        this.version = version;
    }

    @Override
    public List<Path> generate(ReportRequest request) throws IOException {
        StudyResults results = request.results();
        StudyProtocol protocol = results.protocol();
        Path runDir = request.outDir().toAbsolutePath().getParent();
        List<Map<String, String>> cases = rows(request.caseResults());
        List<Map<String, String>> quarantined = rows(request.quarantine());
        String modelSha =
                cases.isEmpty() ? protocol.device().sha256() : cases.get(0).get("model_sha256");
        String datasetSha =
                org.clinval.workflows.files.ChecksumManifest.read(request.manifest())
                        .contentSha256();

        ConfusionMatrix m = results.accuracy().matrix();
        ValidationReport report =
                new ValidationReport(
                        new StudyInfo(
                                protocol.id(),
                                protocol.title(),
                                protocol.intendedUse(),
                                runDir.getFileName().toString(),
                                clock.instant(),
                                version,
                                sha256(protocol.file())),
                        new DeviceInfo(
                                protocol.device().name(),
                                protocol.device().version(),
                                modelSha,
                                protocol.device().sha256()),
                        new DatasetInfo(
                                protocol.dataset().dicom().getFileName().toString(),
                                datasetSha,
                                cases.size() + quarantined.size(),
                                cases.size(),
                                quarantined.size()),
                        new OperatingPoint(
                                protocol.operatingPoint().threshold(),
                                protocol.operatingPoint().rule(),
                                protocol.operatingPoint().positiveClass()),
                        endpoints(results),
                        new Verdict(results.passed(), verdictStatement(results)),
                        m,
                        roc(results, cases),
                        subgroups(results),
                        quarantined.stream()
                                .map(
                                        q ->
                                                new QuarantineRow(
                                                        q.get("case_id"),
                                                        q.getOrDefault("input", ""),
                                                        q.get("reason")))
                                .toList(),
                        Signer.signatures(runDir).stream()
                                .map(StudyReportService::signature)
                                .toList(),
                        AuditTrail.in(runDir).entries().stream()
                                .map(StudyReportService::audit)
                                .toList(),
                        TaskSections.segmentation(results, cases, java.util.Optional.of(runDir)),
                        TaskSections.detection(results, cases),
                        GradingSections.grading(results),
                        ExplanationSections.of(results, runDir),
                        ReaderStudySections.of(results));

        String positive = protocol.operatingPoint().positiveClass();
        List<CaseRow> caseRows = new ArrayList<>();
        for (Map<String, String> c : cases) {
            caseRows.add(
                    new CaseRow(
                            c.get("case_id"),
                            c.get("site"),
                            c.get("manufacturer"),
                            c.get("label").equals(positive) ? 1 : 0,
                            Double.parseDouble(c.get("score")),
                            Integer.parseInt(c.get("prediction")),
                            c.getOrDefault("model_sha256", modelSha),
                            datasetSha));
        }
        Path pdf = request.outDir().resolve(PDF);
        Path xlsx = request.outDir().resolve(XLSX);
        try {
            ValidationReportPdf.write(report, pdf);
            ValidationWorkbook.write(report, caseRows, xlsx);
        } catch (ReportException e) {
            throw new IOException(e.getMessage(), e);
        }
        return List.of(pdf, xlsx);
    }

    /** Returns the image folder as the protocol names it, relative to the protocol's folder. */
    private static String datasetName(StudyProtocol protocol) {
        Path base = protocol.file().toAbsolutePath().getParent();
        Path dicom = protocol.dataset().dicom().toAbsolutePath();
        return dicom.startsWith(base) ? base.relativize(dicom).toString() : dicom.toString();
    }

    private static List<EndpointResult> endpoints(StudyResults results) {
        List<EndpointResult> out = new ArrayList<>();
        for (org.clinval.workflows.analysis.EndpointResult r : results.endpoints()) {
            Criterion c = r.endpoint().criterion();
            boolean undefined = r.estimate().isEmpty();
            out.add(
                    new EndpointResult(
                            r.endpoint().id(),
                            r.endpoint().name(),
                            c.measure().key(),
                            r.estimate(),
                            r.ci(),
                            r.method(),
                            c.level().value(),
                            criterion(c),
                            r.endpoint().role() == EndpointRole.PRIMARY,
                            r.passed(),
                            r.endpoint().requirements(),
                            r.endpoint().riskControls(),
                            undefined
                                    ? java.util.Optional.of(String.join("; ", r.reasons()))
                                    : java.util.Optional.empty()));
        }
        return out;
    }

    /**
     * Returns the criterion as a reader checks it, e.g. {@code estimate ≥ 0.85 and lower 95% bound
     * ≥ 0.80}.
     */
    static String criterion(Criterion c) {
        List<String> parts = new ArrayList<>();
        c.fpPerScan()
                .ifPresent(
                        v -> parts.add(String.format(Locale.ROOT, "at %s FP per scan", trim(v))));
        c.gradingEndpoint().ifPresent(e -> parts.add("at " + e));
        c.estimateMin().ifPresent(v -> parts.add(String.format(Locale.ROOT, "estimate ≥ %.2f", v)));
        c.estimateMax().ifPresent(v -> parts.add(String.format(Locale.ROOT, "estimate ≤ %.2f", v)));
        c.ciUpperMax()
                .ifPresent(
                        v ->
                                parts.add(
                                        String.format(
                                                Locale.ROOT,
                                                "upper %s%% bound ≤ %.2f",
                                                trim(100 * c.level().value()),
                                                v)));
        c.ciLowerMin()
                .ifPresent(
                        v ->
                                parts.add(
                                        String.format(
                                                Locale.ROOT,
                                                "lower %s%% bound ≥ %.2f",
                                                trim(100 * c.level().value()),
                                                v)));
        if (c.superiorityGoal().isPresent()) {
            parts.add(
                    String.format(
                            Locale.ROOT,
                            "superior to %s (one-sided exact p < %s)",
                            trim(c.superiorityGoal().getAsDouble()),
                            trim(c.alpha().getAsDouble())));
        }
        return String.join(" and ", parts);
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent)
                ? Long.toString((long) percent)
                : Double.toString(percent);
    }

    private static String verdictStatement(StudyResults results) {
        long primaries =
                results.endpoints().stream()
                        .filter(e -> e.endpoint().role() == EndpointRole.PRIMARY)
                        .count();
        long failedPrimaries =
                results.endpoints().stream()
                        .filter(e -> e.endpoint().role() == EndpointRole.PRIMARY && !e.passed())
                        .count();
        return results.passed()
                ? "The device met every primary endpoint ("
                        + primaries
                        + " of "
                        + primaries
                        + ") of protocol "
                        + results.protocol().id()
                        + "."
                : "The device failed "
                        + failedPrimaries
                        + " of "
                        + primaries
                        + " primary endpoints of protocol "
                        + results.protocol().id()
                        + "; the study takes the deviation path.";
    }

    private static RocSummary roc(StudyResults results, List<Map<String, String>> cases) {
        if (results.auc().isEmpty()) {
            throw new IllegalStateException(
                    "the report needs an ROC analysis, but "
                            + String.join("; ", results.undefined()));
        }
        String positive = results.protocol().operatingPoint().positiveClass();
        boolean[] labels = new boolean[cases.size()];
        double[] scores = new double[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            labels[i] = cases.get(i).get("label").equals(positive);
            scores[i] = Double.parseDouble(cases.get(i).get("score"));
        }
        RocCurve curve =
                RocCurve.of(
                        RocInput.of(
                                labels, scores, results.protocol().operatingPoint().direction()));
        ConfusionMatrix m = results.accuracy().matrix();
        RocPoint operating =
                new RocPoint(
                        results.protocol().operatingPoint().threshold(),
                        (int) m.tp(),
                        (int) m.fp(),
                        (double) m.tp() / m.positives(),
                        (double) m.tn() / m.negatives());
        return new RocSummary(results.auc().get(), curve.points(), operating);
    }

    private static List<SubgroupRow> subgroups(StudyResults results) {
        List<SubgroupRow> rows = new ArrayList<>();
        for (List<SubgroupResult> byAttribute : results.subgroups().values()) {
            for (SubgroupResult r : byAttribute) {
                rows.add(SubgroupRow.of(r, results.protocol().statistics().ciMethod()));
            }
        }
        return rows;
    }

    private static SignatureRow signature(Signature s) {
        return new SignatureRow(
                s.userId(),
                s.printedName(),
                s.meaning().key() + " (" + s.object() + ")",
                s.time(),
                s.objectSha256());
    }

    private static AuditRow audit(AuditEntry e) {
        return new AuditRow(e.sequence(), e.time(), e.user(), e.action(), e.object(), e.reason());
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, format)) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : p) out.add(rec.toMap());
            return out;
        }
    }

    static String sha256(Path file) throws IOException {
        return org.clinval.common.Sha256.of(file);
    }
}
