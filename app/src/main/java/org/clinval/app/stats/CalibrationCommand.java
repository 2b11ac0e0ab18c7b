package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UserError;
import org.clinval.app.io.CsvTable;
import org.clinval.validation.calibration.Binning;
import org.clinval.validation.calibration.BrierScore;
import org.clinval.validation.calibration.LogisticRecalibration;
import org.clinval.validation.calibration.ProbabilityForecasts;
import org.clinval.validation.calibration.Recalibration;
import org.clinval.validation.calibration.ReliabilityBin;
import org.clinval.validation.calibration.ReliabilityDiagram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval stats calibration}: Brier score, ECE with its bins, slope and intercepts. */
@Command(
        name = "calibration",
        description =
                "Calibration of predicted probabilities: Brier score, expected calibration error"
                        + " with its reliability bins, calibration slope (glm(y ~ logit(p)))"
                        + " and calibration-in-the-large (glm(y ~ 1 + offset(logit(p)))).")
public final class CalibrationCommand implements Callable<Integer> {

    static final String SLOPE_MODEL =
            "glm(y ~ logit(p), binomial): slope = coefficient of logit(p), intercept_joint ="
                    + " its intercept";
    static final String INTERCEPT_MODEL =
            "glm(y ~ 1 + offset(logit(p)), binomial): intercept = calibration-in-the-large";

    /** The most reliability bins: a diagram of more is noise, and each bin costs memory. */
    static final int MAX_BINS = 10_000;

    @Mixin LabelledCsv input;

    @Option(
            names = "--prob",
            required = true,
            paramLabel = "COL",
            description = "Column of predicted probabilities of the positive class, in [0, 1].")
    String prob;

    @Option(
            names = "--bins",
            defaultValue = "10",
            paramLabel = "B",
            description =
                    "Number of reliability bins, at most 10,000, and at most one per case with"
                            + " equal-mass binning (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(
            names = "--binning",
            defaultValue = "width",
            paramLabel = "width|mass",
            description =
                    "Equal-width bins [0,1/B), ..., [(B-1)/B, 1] or equal-mass bins of the sorted"
                            + " probabilities (default: ${DEFAULT-VALUE}).")
    String binning;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Binning b = OptionValues.parse("--binning", binning, Binning::parse);
        OptionValues.count("--bins", bins, 1, MAX_BINS);
        CsvTable table = input.read(prob);
        boolean[] outcome = input.labels();
        double[] p = table.doubles(prob);
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new UserError(
                        table.where(i, prob) + ": probability is not in [0, 1]: " + p[i]);
            }
        }
        // Equal-width bins may be empty (they are answered as such); equal-mass bins hold the
        // cases, so more bins than cases means bins without a case.
        if (b == Binning.EQUAL_MASS && bins > table.size()) {
            throw new UserError(
                    "--bins "
                            + bins
                            + " is more than the "
                            + table.size()
                            + " cases of "
                            + table.file()
                            + ": equal-mass binning needs at least one case per bin");
        }
        ProbabilityForecasts f = ProbabilityForecasts.of(outcome, p);
        ReliabilityDiagram d = ReliabilityDiagram.of(f, b, bins);
        Recalibration r = LogisticRecalibration.fit(f);

        ObjectNode o = Json.object();
        o.put("file", table.file());
        o.put("label", input.label);
        o.put("prob", prob);
        o.put("positive_label", input.positiveLabel());
        o.put("n", f.n());
        o.put("positives", f.positives());
        Json.put(o, "brier", BrierScore.of(f));
        Json.put(o, "ece", d.ece());
        o.put("binning", b.key());
        o.put("n_bins", d.binCount());
        ArrayNode a = o.putArray("bins");
        for (ReliabilityBin bin : d.bins()) a.add(bin(bin));
        Json.put(o, "slope", r.slope());
        Json.put(o, "intercept", r.calibrationInTheLarge());
        Json.put(o, "intercept_joint", r.jointIntercept());
        r.slopeUndefinedReason().ifPresent(s -> o.put("slope_undefined", s));
        r.calibrationInTheLargeUndefinedReason().ifPresent(s -> o.put("intercept_undefined", s));
        o.put("slope_model", SLOPE_MODEL);
        o.put("intercept_model", INTERCEPT_MODEL);
        o.put("fit_method", r.method());
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private static ObjectNode bin(ReliabilityBin bin) {
        ObjectNode o = Json.object();
        Json.put(o, "lower", bin.lower());
        Json.put(o, "upper", bin.upper());
        o.put("upper_closed", bin.upperClosed());
        o.put("count", bin.count());
        o.put("positives", bin.positives());
        Json.put(o, "mean_predicted", bin.meanPredicted());
        Json.put(o, "observed_fraction", bin.observedFraction());
        return o;
    }
}
