package org.clinval.compliance;

import java.util.List;

/**
 * How often the run's locked test set was used, as the verified dataset ledger says: the number of
 * recorded accesses, the runs they belong to, and per model version its accesses.
 *
 * @param dataset the test set's identity in the ledger
 * @param uses every recorded access (locks and inferences)
 * @param runs the distinct study runs among them
 * @param byModel "name version (n accesses)" per model version, in order of first use
 */
public record TestSetUse(String dataset, int uses, int runs, List<String> byModel) {
    public TestSetUse {
        byModel = List.copyOf(byModel);
    }
}
