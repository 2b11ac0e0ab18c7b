package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clinval.app.cli.Json;
import org.clinval.validation.binary.RatioEstimate;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.RocPoint;

/** JSON views of the statistics' result records, shared by the commands. */
public final class JsonResults {

    private JsonResults() {}

    /** {@code {"estimate", "successes", "trials", "wilson", "clopper_pearson", "jeffreys"}}. */
    public static ObjectNode proportion(Proportion p) {
        ObjectNode o = Json.object();
        Json.put(o, "estimate", p.estimate());
        o.put("successes", p.successes());
        o.put("trials", p.trials());
        for (BinomialInterval method : BinomialInterval.values()) {
            Json.put(o, method.key(), p.interval(method));
        }
        p.undefinedReason().ifPresent(r -> o.put("undefined", r));
        return o;
    }

    /** {@code {"estimate", "ci", "method"}} plus {@code "undefined"} when something is missing. */
    public static ObjectNode ratio(RatioEstimate r) {
        ObjectNode o = Json.object();
        Json.put(o, "estimate", r.estimate());
        Json.put(o, "ci", r.interval());
        o.put("method", r.method());
        r.undefinedReason().ifPresent(reason -> o.put("undefined", reason));
        return o;
    }

    /** Writes the DeLong AUC fields into {@code o}. */
    public static ObjectNode auc(ObjectNode o, AucEstimate a) {
        o.put("n_positive", a.positives());
        o.put("n_negative", a.negatives());
        Json.put(o, "auc", a.auc());
        Json.put(o, "auc_se", a.se());
        Json.put(o, "auc_ci", a.ci());
        o.put("auc_ci_method", a.method());
        a.undefinedReason().ifPresent(r -> o.put("auc_se_undefined", r));
        return o;
    }

    /** {@code {"estimate", "percentile", "bca", "replicates", "seed", …}}. */
    public static ObjectNode bootstrap(BootstrapInterval b) {
        ObjectNode o = Json.object();
        Json.put(o, "estimate", b.estimate());
        Json.put(o, "percentile", b.percentile());
        Json.put(o, "bca", b.bca());
        Json.put(o, "bias_correction_z0", b.biasCorrection());
        Json.put(o, "acceleration", b.acceleration());
        o.put("replicates", b.replicates());
        o.put("seed", b.seed());
        o.put("resampling", b.resampling());
        Json.put(o, "level", b.level().value());
        b.undefinedReason().ifPresent(r -> o.put("bca_undefined", r));
        return o;
    }

    /** {@code {"threshold", "sensitivity", "specificity"}}. */
    public static ObjectNode point(RocPoint p) {
        ObjectNode o = Json.object();
        Json.put(o, "threshold", p.threshold());
        Json.put(o, "sensitivity", p.sensitivity());
        Json.put(o, "specificity", p.specificity());
        return o;
    }
}
