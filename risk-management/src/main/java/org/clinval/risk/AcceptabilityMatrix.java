package org.clinval.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plan's acceptability matrix: the region of every severity × probability cell.
 *
 * <p>A matrix must be monotone: a cell is never more acceptable than a cell of the same row at a
 * lower probability, nor than a cell of the same column at a lower severity. The reader checks
 * this; the constructor re-checks it for matrices built in code.
 *
 * @param severity the severity scale (rows)
 * @param probability the probability scale (columns)
 * @param cells {@code cells.get(s).get(p)} is the region of severity rank {@code s + 1} and
 *     probability rank {@code p + 1}
 */
public record AcceptabilityMatrix(
        Scale severity, Scale probability, List<List<Acceptability>> cells) {

    public AcceptabilityMatrix {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(probability, "probability");
        if (severity.factor() != Factor.SEVERITY || probability.factor() != Factor.PROBABILITY) {
            throw new IllegalArgumentException("matrix rows are severity, columns probability");
        }
        List<List<Acceptability>> copy = new ArrayList<>();
        for (List<Acceptability> row : cells) copy.add(List.copyOf(row));
        cells = List.copyOf(copy);
        if (cells.size() != severity.size()) {
            throw new IllegalArgumentException(
                    "matrix has " + cells.size() + " rows for " + severity.size() + " severities");
        }
        for (int s = 0; s < cells.size(); s++) {
            if (cells.get(s).size() != probability.size()) {
                throw new IllegalArgumentException(
                        "matrix row "
                                + severity.levels().get(s).id()
                                + " has "
                                + cells.get(s).size()
                                + " cells for "
                                + probability.size()
                                + " probabilities");
            }
        }
        for (int s = 0; s < cells.size(); s++) {
            for (int p = 0; p < probability.size(); p++) {
                Acceptability a = cells.get(s).get(p);
                if ((p > 0 && cells.get(s).get(p - 1).isWorseThan(a))
                        || (s > 0 && cells.get(s - 1).get(p).isWorseThan(a))) {
                    throw new IllegalArgumentException(
                            "matrix is not monotone at "
                                    + severity.levels().get(s).id()
                                    + "/"
                                    + probability.levels().get(p).id());
                }
            }
        }
    }

    /** Returns the region of {@code risk}. */
    public Acceptability of(RiskEstimate risk) {
        return cells.get(risk.severity().rank() - 1).get(risk.probability().rank() - 1);
    }
}
