package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Sha256;

/**
 * The PCCP conformance report: whether a modified model stays within its predetermined change
 * control plan, written from the comparison record {@code clinval study compare} leaves ({@code
 * pccp-comparison.json}): the plan and the two runs with their hashes, the pairing of the cases,
 * each endpoint's baseline, candidate, difference with its interval against the plan's margin,
 * overall and per subgroup, the tests, and the verdict by the plan's rule. Every number refers to
 * its place in the comparison record.
 */
public final class PccpReport {

    /** The comparison record {@code study compare} writes. */
    public static final String RECORD = "pccp-comparison.json";

    /** The report's file name. */
    public static final String FILE = "pccp-report.docx";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PccpReport() {}

    /**
     * Writes the report of comparison record {@code comparison} into folder {@code out}.
     *
     * @throws IllegalArgumentException if the file is not a comparison record
     */
    public static Path write(Path comparison, Path out) throws IOException {
        if (!Files.isRegularFile(comparison)) {
            throw new IllegalArgumentException("no comparison record " + comparison);
        }
        JsonNode c = JSON.readTree(comparison.toFile());
        if (!c.path("format").asText().startsWith("clinval-pccp-comparison/")) {
            throw new IllegalArgumentException(
                    comparison + " is not a comparison record of clinval study compare");
        }
        Traces traces = new Traces(c, RECORD);
        Doc doc = build(c, traces);
        List<List<String>> rows = new ArrayList<>();
        for (Traces.Trace t : traces.all()) {
            rows.add(List.of(t.id(), t.file(), t.key(), t.method(), t.level()));
        }
        doc.table(
                "records",
                "Computation records",
                List.of("Ref", "File", "Key", "Method", "Level"),
                rows);
        doc.table(
                "hashes",
                "Records and their SHA-256",
                List.of("Record", "SHA-256"),
                List.of(
                        List.of(RECORD, Sha256.of(comparison)),
                        List.of(
                                "plan " + c.at("/pccp/file").asText(),
                                c.at("/pccp/sha256").asText()),
                        List.of(
                                "baseline case results",
                                c.at("/baseline/case_results_sha256").asText()),
                        List.of(
                                "candidate case results",
                                c.at("/candidate/case_results_sha256").asText()),
                        List.of("data set manifest", c.path("dataset_sha256").asText())));
        Path file = out.resolve(FILE);
        ComplianceDocs.render(doc, file, Optional.empty());
        return file;
    }

    static Doc build(JsonNode c, Traces traces) {
        String level = c.at("/pccp/level").asText("");
        Doc doc =
                new Doc(
                        "PCCP conformance report",
                        c.at("/pccp/id").asText()
                                + " — "
                                + c.at("/pccp/title").asText("")
                                + ": candidate study "
                                + c.at("/candidate/study").asText()
                                + " against its baseline "
                                + c.at("/baseline/study").asText()
                                + " on the same locked test set. Every number refers to its"
                                + " place in the comparison record (appendix).");

        doc.h1("Plan and runs");
        doc.table(
                "runs",
                "The plan and the two runs",
                List.of("Item", "Baseline", "Candidate"),
                List.of(
                        List.of(
                                "Study",
                                c.at("/baseline/study").asText(),
                                c.at("/candidate/study").asText()),
                        List.of(
                                "Model SHA-256",
                                c.at("/baseline/model_sha256").asText(),
                                c.at("/candidate/model_sha256").asText()),
                        List.of(
                                "Data set (manifest SHA-256)",
                                c.at("/baseline/dataset_sha256").asText(),
                                c.at("/candidate/dataset_sha256").asText())));
        doc.p(
                "Plan "
                        + c.at("/pccp/id").asText()
                        + " (SHA-256 "
                        + c.at("/pccp/sha256").asText()
                        + "); intervals at level "
                        + level
                        + ". Both runs were made on the same locked test set; cases are paired by"
                        + " their pseudonymous ids.");

        doc.h1("Pairing of the cases");
        doc.p(
                traces.number("/pairing/paired", 0, "count", "", "")
                        + " cases are in both runs; "
                        + traces.number("/pairing/baseline_only/count", 0, "count", "", "")
                        + " only in the baseline and "
                        + traces.number("/pairing/candidate_only/count", 0, "count", "", "")
                        + " only in the candidate (quarantined in the other run, for example); these"
                        + " enter no statistic.");

        doc.h1("Endpoints against the plan's margins");
        doc.p(
                "Each endpoint's difference candidate − baseline with its interval, against the"
                        + " plan's non-inferiority margin, in {Table:endpoints}; the tests in"
                        + " {Table:tests}.");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> tests = new ArrayList<>();
        JsonNode eps = c.path("endpoints");
        for (int i = 0; i < eps.size(); i++) {
            JsonNode e = eps.get(i);
            String b = "/endpoints/" + i + "/overall";
            String method = e.path("method").asText();
            rows.add(
                    List.of(
                            e.path("id").asText() + " " + e.path("measure").asText(),
                            traces.number(b + "/n", 0, "count", "", ""),
                            traces.number(b + "/baseline", 3, "estimate", "", ""),
                            traces.number(b + "/candidate", 3, "estimate", "", ""),
                            traces.number(b + "/difference", 3, method, "", ""),
                            traces.interval(b + "/ci", 3, method, level, ""),
                            "−" + traces.number(b + "/margin", 3, "plan", "", ""),
                            e.at("/overall/verdict").asText()));
            tests.add(
                    List.of(
                            e.path("id").asText(),
                            e.at("/overall/statistic_name").asText(),
                            traces.number(
                                    b + "/statistic",
                                    3,
                                    e.at("/overall/statistic_name").asText(),
                                    "",
                                    ""),
                            traces.number(b + "/p", 4, "two-sided", "", ""),
                            e.at("/overall/tests/tango_non_inferiority").isMissingNode()
                                    ? ""
                                    : "Tango z "
                                            + traces.number(
                                                    b + "/tests/tango_non_inferiority/z",
                                                    3,
                                                    "Tango score test",
                                                    "",
                                                    "")
                                            + ", one-sided p "
                                            + traces.number(
                                                    b + "/tests/tango_non_inferiority/p_one_sided",
                                                    4,
                                                    "Tango score test",
                                                    "",
                                                    "")));
        }
        doc.table(
                "endpoints",
                "Endpoints: baseline, candidate, difference and "
                        + level
                        + " interval against the margin",
                List.of(
                        "Endpoint",
                        "n",
                        "Baseline",
                        "Candidate",
                        "Difference",
                        "Interval",
                        "Margin",
                        "Verdict"),
                rows);
        doc.table(
                "tests",
                "Tests of the differences (undefined where the statistic is 0/0: no discordant pairs)",
                List.of("Endpoint", "Statistic", "Value", "p", "Non-inferiority test"),
                tests);

        doc.h1("Subgroups");
        doc.p(
                "The same comparisons within each subgroup the plan names, for review; the plan's"
                        + " verdict rests on all paired cases.");
        for (int i = 0; i < eps.size(); i++) {
            JsonNode subs = eps.get(i).path("subgroups");
            if (!subs.isArray() || subs.isEmpty()) continue;
            List<List<String>> sr = new ArrayList<>();
            for (int k = 0; k < subs.size(); k++) {
                String b = "/endpoints/" + i + "/subgroups/" + k;
                JsonNode s = subs.get(k);
                sr.add(
                        List.of(
                                s.path("column").asText() + " = " + s.path("value").asText(),
                                traces.number(b + "/n", 0, "count", "", ""),
                                traces.number(b + "/baseline", 3, "estimate", "", ""),
                                traces.number(b + "/candidate", 3, "estimate", "", ""),
                                traces.interval(
                                        b + "/ci",
                                        3,
                                        eps.get(i).path("method").asText(),
                                        level,
                                        ""),
                                s.path("verdict").asText()));
            }
            doc.table(
                    "sub-" + eps.get(i).path("id").asText(),
                    eps.get(i).path("id").asText()
                            + " "
                            + eps.get(i).path("measure").asText()
                            + " by subgroup",
                    List.of(
                            "Subgroup",
                            "n",
                            "Baseline",
                            "Candidate",
                            "Interval of the difference",
                            "Verdict"),
                    sr);
        }

        doc.h1("Conclusion");
        doc.p(
                "The modification is "
                        + c.path("verdict").asText()
                        + " of "
                        + c.at("/pccp/id").asText()
                        + " ("
                        + c.path("verdict_rule").asText()
                        + ").");
        doc.h1("Appendix: computation records");
        doc.p("{Table:records} lists the record behind each [Rn], {Table:hashes} the SHA-256.");
        return doc;
    }
}
