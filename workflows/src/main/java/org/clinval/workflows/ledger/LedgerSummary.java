package org.clinval.workflows.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How often a dataset was used, and by which model versions.
 *
 * @param uses every recorded access (each entry of the ledger)
 * @param runs distinct runs among them
 * @param byAction accesses per action, by name
 * @param byModelVersion accesses per model version, in order of first use
 * @param first the first access, if any
 * @param last the last access, if any
 */
public record LedgerSummary(
        int uses,
        int runs,
        Map<String, Integer> byAction,
        List<ModelUse> byModelVersion,
        Optional<Instant> first,
        Optional<Instant> last) {

    /**
     * The accesses with one model version.
     *
     * @param model the model's name
     * @param version its version
     * @param sha256 the SHA-256 of its descriptor
     * @param uses its accesses
     * @param first its first access
     * @param last its last access
     */
    public record ModelUse(
            String model, String version, String sha256, int uses, Instant first, Instant last) {}

    /** Summarises {@code entries}, given in ledger order. */
    public static LedgerSummary of(List<LedgerEntry> entries) {
        Map<String, Integer> byAction = new TreeMap<>();
        Map<List<String>, ModelUse> byModel = new LinkedHashMap<>();
        java.util.Set<String> runs = new java.util.HashSet<>();
        for (LedgerEntry e : entries) {
            LedgerEntry.Access a = e.access();
            byAction.merge(a.action(), 1, Integer::sum);
            runs.add(a.run());
            List<String> k = List.of(a.model(), a.modelVersion(), a.modelSha256());
            ModelUse m = byModel.get(k);
            byModel.put(
                    k,
                    m == null
                            ? new ModelUse(
                                    a.model(),
                                    a.modelVersion(),
                                    a.modelSha256(),
                                    1,
                                    e.time(),
                                    e.time())
                            : new ModelUse(
                                    m.model(),
                                    m.version(),
                                    m.sha256(),
                                    m.uses() + 1,
                                    m.first(),
                                    e.time()));
        }
        return new LedgerSummary(
                entries.size(),
                runs.size(),
                java.util.Collections.unmodifiableMap(byAction),
                List.copyOf(new ArrayList<>(byModel.values())),
                entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).time()),
                entries.isEmpty()
                        ? Optional.empty()
                        : Optional.of(entries.get(entries.size() - 1).time()));
    }
}
