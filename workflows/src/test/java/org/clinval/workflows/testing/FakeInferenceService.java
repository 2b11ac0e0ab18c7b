package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.workflows.analysis.CaseResult;
import org.clinval.workflows.analysis.CaseResultsCsv;
import org.clinval.workflows.service.InferenceRequest;
import org.clinval.workflows.service.InferenceResult;
import org.clinval.workflows.service.InferenceService;

/**
 * Stand-in for the streaming-inference job: for every case of the ground truth it "reads" the
 * case's image ({@code NoduleProbability}) as the model's score, calls it at the operating point
 * and joins the reference label; a case without an image is quarantined with the reason. Every case
 * in is accounted for.
 */
public final class FakeInferenceService implements InferenceService {

    @Override
    public InferenceResult run(InferenceRequest r) throws IOException {
        List<String> truth = Files.readAllLines(r.groundTruth(), StandardCharsets.UTF_8);
        List<CaseResult> results = new ArrayList<>();
        StringBuilder quarantine = new StringBuilder("case_id,reason\n");
        int quarantined = 0;
        java.util.Map<String, String> out = new java.util.HashMap<>();
        r.phiQuarantined().forEach(c -> out.put(c.caseId(), c.reason()));
        Path inventory =
                r.caseResults()
                        .resolveSibling(org.clinval.workflows.service.InputCheckService.INVENTORY);
        for (String line : Files.readAllLines(inventory, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (f[3].equals("quarantined")) out.putIfAbsent(f[0], f[4]);
        }
        for (String line : truth.subList(1, truth.size())) {
            String[] f = line.split(",");
            if (out.containsKey(f[0])) {
                quarantine.append(f[0]).append(',').append(out.get(f[0])).append('\n');
                quarantined++;
                continue;
            }
            Path image = r.images().resolve(f[0] + ".dcm");
            if (!Files.exists(image)) {
                quarantine.append(f[0]).append(",no image in ").append(r.images()).append('\n');
                quarantined++;
                continue;
            }
            double score =
                    Files.readAllLines(image, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith("NoduleProbability: "))
                            .mapToDouble(l -> Double.parseDouble(l.substring(19)))
                            .findFirst()
                            .orElseThrow(() -> new IOException(image + ": no pixel data"));
            results.add(
                    new CaseResult(
                            f[0],
                            f[1],
                            f[2],
                            f[3],
                            f[4],
                            f[5],
                            score,
                            r.rule().isPositive(score, r.threshold())));
        }
        CaseResultsCsv.write(r.caseResults(), results);
        Files.writeString(r.quarantine(), quarantine, StandardCharsets.UTF_8);
        return new InferenceResult(
                r.caseResults(), r.quarantine(), truth.size() - 1, results.size(), quarantined);
    }
}
