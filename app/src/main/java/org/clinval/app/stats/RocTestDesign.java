package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.validation.roc.OneCurveSampleSize;
import org.clinval.validation.roc.OneCurveSampleSize.Sides;
import org.clinval.validation.roc.RocPower;
import org.clinval.validation.roc.TwoCurveDesign;
import org.clinval.validation.roc.TwoCurvePower;
import org.clinval.validation.roc.TwoCurveSampleSize;
import picocli.CommandLine.Option;

/**
 * The options of {@code stats sample-size --measure auc-test|auc-difference}: Obuchowski's power
 * and sample size as pROC's {@code power.roc.test}.
 */
public final class RocTestDesign {

    @Option(
            names = "--power",
            paramLabel = "P",
            description = "auc-test, auc-difference: the power wanted; prints the cases needed.")
    Double power;

    @Option(
            names = "--cases",
            paramLabel = "N",
            description =
                    "auc-test, auc-difference: positive cases of a planned study; prints its power"
                            + " (negatives: N × --negatives-per-positive).")
    Double cases;

    @Option(
            names = "--sig-level",
            defaultValue = "0.05",
            paramLabel = "A",
            description =
                    "auc-test, auc-difference: significance level (default: ${DEFAULT-VALUE}).")
    double sigLevel;

    @Option(
            names = "--alternative",
            defaultValue = "two.sided",
            paramLabel = "two.sided|one.sided",
            description =
                    "auc-test, auc-difference: sides of the test (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(
            names = "--binormal1",
            paramLabel = "A,B",
            description =
                    "auc-difference: binormal intercept and slope of the first curve (pROC's A1,"
                            + " B1; AUC = Φ(A/√(1+B²))).")
    String binormal1;

    @Option(
            names = "--binormal2",
            paramLabel = "A,B",
            description = "auc-difference: binormal intercept and slope of the second curve.")
    String binormal2;

    @Option(
            names = "--correlation-negatives",
            paramLabel = "RN",
            description = "auc-difference: correlation of the two scores among negatives.")
    Double rn;

    @Option(
            names = "--correlation-positives",
            paramLabel = "RA",
            description = "auc-difference: correlation of the two scores among positives.")
    Double ra;

    @Option(
            names = "--delta",
            paramLabel = "D",
            description =
                    "auc-difference: the AUC difference to detect (default: the difference of the"
                            + " two binormal AUCs).")
    Double delta;

    @Option(
            names = "--fpr",
            paramLabel = "LO,HI",
            description =
                    "auc-difference: compare partial AUCs over this false-positive-rate range"
                            + " instead of full AUCs (pROC's FPR11/FPR12).")
    String fpr;

    /** Runs {@code measure} (auc-test or auc-difference) with {@code kappa} negatives/positive. */
    ObjectNode run(String measure, Double anticipated, Double kappa) {
        if ((power == null) == (cases == null)) {
            throw new UsageError(
                    "--measure " + measure + " needs exactly one of --power and --cases");
        }
        if (kappa == null) {
            throw new UsageError("--measure " + measure + " needs --negatives-per-positive");
        }
        OptionValues.positive("--negatives-per-positive", kappa);
        OptionValues.openUnit("--sig-level", sigLevel);
        if (power != null) OptionValues.openUnit("--power", power);
        if (cases != null) {
            OptionValues.positive("--cases", cases);
            if (cases * (1 + kappa) > SampleSizeCommand.MAX_CASES) {
                throw new UsageError("--cases with --negatives-per-positive exceed 2^31 cases");
            }
        }
        Sides sides =
                OptionValues.parse(
                        "--alternative",
                        alternative,
                        a ->
                                switch (a.trim().toLowerCase(Locale.ROOT)) {
                                    case "two.sided" -> Sides.TWO_SIDED;
                                    case "one.sided" -> Sides.ONE_SIDED;
                                    default ->
                                            throw new IllegalArgumentException(
                                                    "not two.sided or one.sided");
                                });
        ObjectNode o = Json.object();
        o.put("measure", measure);
        Json.put(o, "sig_level", sigLevel);
        o.put("alternative", sides == Sides.TWO_SIDED ? "two.sided" : "one.sided");
        Json.put(o, "negatives_per_positive", kappa);
        if (measure.equals("auc-test")) {
            if (anticipated == null) {
                throw new UsageError("--measure auc-test needs --anticipated (the AUC)");
            }
            if (!(anticipated > 0.5 && anticipated < 1)) {
                throw new UsageError("--anticipated is not in (0.5, 1): " + anticipated);
            }
            Json.put(o, "auc", anticipated);
            OneCurveSampleSize s =
                    power != null
                            ? RocPower.sampleSize(anticipated, sigLevel, power, kappa, sides)
                            : RocPower.power(anticipated, cases, cases * kappa, sigLevel, sides);
            counts(o, s.cases(), s.controls(), s.power());
            o.put("method", s.method());
            return o;
        }
        double[] c1 = pair("--binormal1", binormal1);
        double[] c2 = pair("--binormal2", binormal2);
        if (rn == null || ra == null) {
            throw new UsageError(
                    "--measure auc-difference needs --correlation-negatives and"
                            + " --correlation-positives");
        }
        double[] range = fpr == null ? null : pair("--fpr", fpr);
        double d =
                delta != null
                        ? OptionValues.finite("--delta", delta)
                        : binormalAuc(c1) - binormalAuc(c2);
        TwoCurveDesign design;
        try {
            design = TwoCurvePower.binormal(c1[0], c1[1], c2[0], c2[1], rn, ra, d, kappa, range);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Json.put(o, "auc1", binormalAuc(c1));
        Json.put(o, "auc2", binormalAuc(c2));
        Json.put(o, "delta", d);
        if (range != null) {
            var r = o.putArray("fpr");
            r.add(range[0]);
            r.add(range[1]);
        }
        ObjectNode v = o.putObject("per_case_variances");
        Json.put(v, "var1", design.var1());
        Json.put(v, "var2", design.var2());
        Json.put(v, "cov12", design.cov12());
        Optional<String> undefined = design.undefinedReason();
        o.put("method", "Obuchowski two ROC curves power calculation (pROC power.roc.test)");
        if (undefined.isPresent()) {
            o.putNull(power != null ? "n_positive" : "power");
            o.put("undefined", undefined.get());
            return o;
        }
        TwoCurveSampleSize s =
                power != null
                        ? TwoCurvePower.sampleSize(design, sigLevel, power, kappa, sides)
                        : TwoCurvePower.power(design, cases, cases * kappa, sigLevel, sides);
        counts(o, s.cases(), s.controls(), s.power());
        return o;
    }

    /** Cases needed (rounded up and unrounded) or the power, null with a reason past 2^31. */
    private void counts(ObjectNode o, double n1, double n0, double pw) {
        if (power == null) {
            Json.put(o, "n_positive", n1);
            Json.put(o, "n_negative", n0);
            Json.put(o, "power", pw);
            return;
        }
        Json.put(o, "power", pw);
        if (!(n1 + n0 <= SampleSizeCommand.MAX_CASES)) {
            o.putNull("n_positive");
            o.putNull("n_negative");
            o.put(
                    "undefined",
                    String.format(
                            Locale.ROOT,
                            "the study would need more than 2^31 cases (%.3g)",
                            n1 + n0));
            return;
        }
        o.put("n_positive", (long) Math.ceil(n1 - 1e-9));
        o.put("n_negative", (long) Math.ceil(n0 - 1e-9));
        Json.put(o, "n_positive_unrounded", n1);
        Json.put(o, "n_negative_unrounded", n0);
    }

    private static double binormalAuc(double[] ab) {
        return TwoCurvePower.binormalAuc(ab[0], ab[1]);
    }

    private static double[] pair(String option, String text) {
        if (text == null) throw new UsageError("--measure auc-difference needs " + option);
        String[] parts = text.split(",", -1);
        if (parts.length != 2) throw new UsageError(option + " is not two numbers X,Y: " + text);
        try {
            double[] v = {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            OptionValues.finite(option, v[0]);
            OptionValues.finite(option, v[1]);
            return v;
        } catch (NumberFormatException e) {
            throw new UsageError(option + " is not two numbers X,Y: " + text);
        }
    }
}
