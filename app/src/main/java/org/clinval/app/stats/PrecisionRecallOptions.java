package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clinval.app.cli.Json;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.ranking.AveragePrecision;
import org.clinval.validation.ranking.AveragePrecisionBootstrap;
import org.clinval.validation.ranking.PrecisionRecallCurve;
import org.clinval.validation.ranking.PrecisionRecallPoint;
import picocli.CommandLine.Option;

/**
 * The precision–recall options of {@code stats roc}: {@code --pr} adds the average precision (with
 * the command's {@code --bootstrap}/{@code --seed}, its stratified bootstrap CIs), {@code
 * --pr-curve} every point of the curve.
 */
public final class PrecisionRecallOptions {

    @Option(
            names = "--pr",
            description =
                    "Also the average precision: step-wise sum of (R_k - R_k-1) * P_k, no"
                            + " interpolation (sklearn's average_precision_score); with --bootstrap,"
                            + " its stratified bootstrap CIs.")
    boolean pr;

    @Option(
            names = "--pr-curve",
            description =
                    "Also every point of the precision-recall curve, from (recall 0, precision 1)"
                            + " to every case called positive (sklearn's precision_recall_curve,"
                            + " reversed).")
    boolean curve;

    /**
     * Adds {@code "precision_recall"} to {@code o} when asked for.
     *
     * @param replicates the command's {@code --bootstrap}, already checked, or null
     * @param seed the command's {@code --seed}, set when {@code replicates} is
     */
    public void addTo(
            ObjectNode o,
            boolean[] labels,
            double[] scores,
            Direction direction,
            Integer replicates,
            Long seed,
            ConfidenceLevel level) {
        if (!pr && !curve) return;
        BootstrapSpec bootstrap =
                replicates == null ? null : new BootstrapSpec(replicates, seed, level);
        PrecisionRecallCurve c = PrecisionRecallCurve.of(labels, scores, direction);
        ObjectNode p = o.putObject("precision_recall");
        AveragePrecision ap = c.averagePrecision();
        Json.put(p, "average_precision", ap.estimate());
        p.put("method", ap.method());
        ap.undefinedReason().ifPresent(r -> p.put("undefined", r));
        if (pr && bootstrap != null && ap.estimate().isPresent() && ap.positives() >= 2) {
            p.set(
                    "average_precision_bootstrap_ci",
                    JsonResults.bootstrap(
                            AveragePrecisionBootstrap.of(labels, scores, direction, bootstrap)));
        }
        if (curve) {
            ArrayNode points = p.putArray("curve");
            for (PrecisionRecallPoint q : c.points()) {
                ObjectNode n = points.addObject();
                Json.put(n, "threshold", q.threshold());
                n.put("tp", q.tp());
                n.put("fp", q.fp());
                Json.put(n, "precision", q.precision());
                Json.put(n, "recall", q.recall());
            }
        }
    }
}
