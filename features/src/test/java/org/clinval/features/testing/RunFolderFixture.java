package org.clinval.features.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.analysis.CaseResult;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.analysis.MetricsJson;
import org.clinval.workflows.analysis.StudyAnalysis;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Writes a finished run folder of the demo study as the workflow leaves it: the approved protocol
 * (the real {@code demo-study.yaml}), case results, {@code metrics.json} from the real analysis,
 * the quarantine list, the audit trail and the registration and lock manifests of three input
 * files.
 *
 * <p>The cases, by construction: sites A, B and C each hold 65 malignant cases (59 marked) and 95
 * benign ones (86 unmarked); site D holds 5 malignant (4 marked) and 15 benign (13 unmarked); site
 * E holds 3 benign (unmarked) and no malignant case. Sensitivity is therefore 181/200 and
 * specificity 274/303. Manufacturers alternate Siemens and GE at sites A to C; D and E are Canon.
 * {@link #missing(int)} turns that many marked malignant cases of site A into misses.
 */
public final class RunFolderFixture {

    private final Path dir;
    private int missing;
    private boolean quarantine = true;

    private RunFolderFixture(Path dir) {
        this.dir = dir;
    }

    public static RunFolderFixture in(Path dir) {
        return new RunFolderFixture(dir);
    }

    /** Makes {@code n} more malignant cases of site A unmarked (at most 59). */
    public RunFolderFixture missing(int n) {
        this.missing = n;
        return this;
    }

    /** Leaves {@code quarantine.csv} out. */
    public RunFolderFixture withoutQuarantineList() {
        this.quarantine = false;
        return this;
    }

    /** Returns the malignant and marked count of the written run. */
    public int truePositives() {
        return 181 - missing;
    }

    /** Writes the run folder and returns it. */
    public Path write() throws IOException {
        Files.createDirectories(dir);
        Path protocolFile = dir.resolve("protocol.yaml");
        try (InputStream in =
                RunFolderFixture.class.getResourceAsStream(
                        "/org/clinval/workflows/example/demo-study.yaml")) {
            Files.copy(in, protocolFile);
        }
        StudyProtocol protocol;
        try {
            protocol = ProtocolReader.read(protocolFile, dir, false);
        } catch (org.clinval.workflows.protocol.InvalidProtocolException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<CaseResult> cases = cases();
        Path results = dir.resolve("case-results.csv");
        CaseResultsCsv.write(results, cases);
        MetricsJson.write(
                StudyAnalysis.analyse(protocol, cases),
                Sha256.of(results),
                dir.resolve("metrics.json"));
        if (quarantine) {
            Files.writeString(
                    dir.resolve("quarantine.csv"),
                    """
                    case_id,input,stage,reason
                    q-001,dicom/q-001/IM001.dcm,load,"q-001/IM001.dcm: not a DICOM file"
                    q-002,dicom/q-002/IM001.dcm,preprocess,"image is 128x128, the model takes 64x64"
                    q-003,,join,case without image: the manifest has no image for it
                    """,
                    StandardCharsets.UTF_8);
        }
        SortedMap<String, String> inputs = new TreeMap<>();
        Path data = Files.createDirectories(dir.resolve("../inputs-" + dir.getFileName()));
        for (String name : List.of("ground-truth.csv", "model.json", "case-0001.dcm")) {
            Path f = Files.writeString(data.resolve(name), name + " content\n");
            inputs.put(f.toAbsolutePath().normalize().toString(), Sha256.of(f));
        }
        new ChecksumManifest(inputs).write(dir.resolve("registration.sha256"));
        new ChecksumManifest(inputs).write(dir.resolve("manifest.sha256"));
        AuditTrail trail = AuditTrail.in(dir, SiteKey.generate());
        trail.recordFile(
                AuditTrail.SYSTEM,
                "RegisterProtocol registered the inputs",
                dir.resolve("registration.sha256"),
                "3 files");
        trail.recordFile(
                AuditTrail.SYSTEM,
                "LockDataset locked the inputs",
                dir.resolve("manifest.sha256"),
                "3 files unchanged since registration");
        trail.recordFile(
                AuditTrail.SYSTEM,
                "RunInference wrote the case results",
                results,
                (cases.size() + 3) + " cases in");
        trail.record(
                AuditTrail.SYSTEM,
                "Analyse computed the endpoints",
                "metrics.json",
                "",
                Optional.empty());
        return dir;
    }

    private List<CaseResult> cases() {
        Random random = new Random(20261121);
        List<CaseResult> out = new ArrayList<>();
        int[][] sites = {
            {65, 59, 95, 86}, {65, 59, 95, 86}, {65, 59, 95, 86}, {5, 4, 15, 13}, {0, 0, 3, 3}
        };
        for (int s = 0; s < sites.length; s++) {
            String site = String.valueOf((char) ('A' + s));
            int[] n = sites[s];
            int marked = s == 0 ? n[1] - missing : n[1];
            for (int i = 0; i < n[0]; i++) {
                double score =
                        i < marked
                                ? 0.55 + 0.45 * random.nextDouble()
                                : 0.35 + 0.149 * random.nextDouble();
                out.add(row(out.size(), site, s, i, "1", score));
            }
            for (int i = 0; i < n[2]; i++) {
                double score =
                        i < n[3] ? 0.40 * random.nextDouble() : 0.50 + 0.15 * random.nextDouble();
                out.add(row(out.size(), site, s, i, "0", score));
            }
        }
        return out;
    }

    private static CaseResult row(int k, String site, int s, int i, String label, double score) {
        return new CaseResult(
                String.format(Locale.ROOT, "case-%04d", k + 1),
                site,
                s >= 3 ? "Canon" : i % 2 == 0 ? "Siemens" : "GE",
                k % 2 == 0 ? "F" : "M",
                k % 3 == 0 ? "40-59" : "60-74",
                label,
                score,
                score >= 0.5);
    }
}
