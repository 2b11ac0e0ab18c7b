package org.clinval.workflows.pccp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.design.PairedCounts;
import org.clinval.validation.design.PairedNonInferiority;
import org.clinval.validation.paired.AucChange;
import org.clinval.validation.paired.McNemarResult;
import org.clinval.validation.paired.PairedMeasure;
import org.clinval.validation.paired.ProportionComparison;
import org.clinval.validation.roc.AucComparison;

/**
 * One endpoint compared on a set of paired cases, as JSON: n, both estimates, the difference {@code
 * candidate − baseline}, its interval, the test of no difference (statistic and two-sided p), every
 * test computed, the margin and the verdict. A value that cannot be computed is {@code null} with
 * an {@code undefined_reason}, never NaN and never left out.
 */
final class EndpointJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EndpointJson() {}

    static String method(PairedMeasure m) {
        return m == PairedMeasure.AUC
                ? "paired DeLong test (DeLong et al. 1988); Wald interval of the AUC difference"
                : ProportionComparison.METHOD;
    }

    static String percent(double level) {
        return new BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString()
                + "%";
    }

    static ObjectNode of(
            PccpPlan.Endpoint e, ConfidenceLevel level, List<StudyRunCases.Case[]> pairs) {
        int k = pairs.size();
        boolean[] positive = new boolean[k], baseCall = new boolean[k], candCall = new boolean[k];
        double[] baseScore = new double[k], candScore = new double[k];
        for (int i = 0; i < k; i++) {
            StudyRunCases.Case b = pairs.get(i)[0];
            StudyRunCases.Case c = pairs.get(i)[1];
            positive[i] = b.positive();
            baseCall[i] = b.call();
            candCall[i] = c.call();
            baseScore[i] = b.score();
            candScore[i] = c.score();
        }
        return e.measure() == PairedMeasure.AUC
                ? auc(e.measure().auc(positive, baseScore, candScore, e.margin(), level))
                : proportion(
                        e.measure().proportion(positive, baseCall, candCall, e.margin(), level));
    }

    private static ObjectNode auc(AucChange a) {
        ObjectNode o = F.objectNode();
        o.put("n", a.positives() + a.negatives());
        o.put("positives", a.positives());
        o.put("negatives", a.negatives());
        Optional<AucComparison> d = a.delong();
        number(o, "baseline", d.map(c -> c.second().auc()));
        number(o, "candidate", d.map(c -> c.first().auc()));
        number(o, "difference", d.map(AucComparison::difference));
        interval(o, d.flatMap(AucComparison::differenceCi));
        o.put("statistic_name", "DeLong z");
        number(o, "statistic", d.map(AucComparison::z).orElse(OptionalDouble.empty()));
        number(o, "p", d.map(AucComparison::p).orElse(OptionalDouble.empty()));
        o.put("margin", a.margin());
        o.put("verdict", a.verdict().wire());
        ObjectNode tests = o.putObject("tests");
        ObjectNode delong = tests.putObject("delong");
        number(delong, "z", d.map(AucComparison::z).orElse(OptionalDouble.empty()));
        number(delong, "p_two_sided", d.map(AucComparison::p).orElse(OptionalDouble.empty()));
        number(
                delong,
                "covariance",
                d.map(AucComparison::covariance).orElse(OptionalDouble.empty()));
        a.undefinedReason().ifPresent(r -> o.put("undefined_reason", r));
        return o;
    }

    private static ObjectNode proportion(ProportionComparison c) {
        ObjectNode o = F.objectNode();
        PairedCounts k = c.counts();
        o.put("n", k.n());
        Optional<PairedNonInferiority> t = c.tango();
        number(o, "baseline", t.map(PairedNonInferiority::referenceProportion));
        number(o, "candidate", t.map(PairedNonInferiority::newProportion));
        number(o, "difference", t.map(PairedNonInferiority::difference));
        interval(o, t.map(PairedNonInferiority::ci));
        o.put("statistic_name", "McNemar chi-square (no continuity correction)");
        number(o, "statistic", c.mcnemar().statistic());
        number(o, "p", c.mcnemar().p());
        o.put("margin", c.margin());
        o.put("verdict", c.verdict().wire());
        ObjectNode counts = o.putObject("counts");
        counts.put("both", k.both());
        counts.put("candidate_only", k.newOnly());
        counts.put("baseline_only", k.referenceOnly());
        counts.put("neither", k.neither());
        ObjectNode tests = o.putObject("tests");
        mcnemar(tests.putObject("mcnemar"), c.mcnemar());
        mcnemar(tests.putObject("mcnemar_corrected"), c.mcnemarCorrected());
        ObjectNode tango = tests.putObject("tango_non_inferiority");
        tango.put("null_difference", -c.margin());
        OptionalDouble z = t.map(PairedNonInferiority::z).orElse(OptionalDouble.empty());
        number(tango, "z", z);
        number(tango, "p_one_sided", t.map(PairedNonInferiority::p).orElse(OptionalDouble.empty()));
        t.flatMap(PairedNonInferiority::undefinedReason)
                .ifPresent(r -> tango.put("undefined_reason", r));
        if (z.isPresent() && Double.isInfinite(z.getAsDouble())) {
            // JSON has no infinity: say so rather than leave a bare null.
            tango.put(
                    "undefined_reason",
                    "the score variance is 0 at the null difference: z is "
                            + (z.getAsDouble() > 0 ? "+" : "-")
                            + "infinity");
        }
        c.undefinedReason().ifPresent(r -> o.put("undefined_reason", r));
        return o;
    }

    private static void mcnemar(ObjectNode o, McNemarResult m) {
        number(o, "statistic", m.statistic());
        number(o, "p_two_sided", m.p());
        m.undefinedReason().ifPresent(r -> o.put("undefined_reason", r));
    }

    private static void interval(ObjectNode o, Optional<Interval> ci) {
        if (ci.isEmpty()) {
            o.putNull("ci");
            return;
        }
        o.putArray("ci").add(ci.get().lower()).add(ci.get().upper());
    }

    private static void number(ObjectNode o, String key, Optional<Double> v) {
        if (v.isPresent() && Double.isFinite(v.get())) o.put(key, v.get());
        else o.putNull(key);
    }

    private static void number(ObjectNode o, String key, OptionalDouble v) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) o.put(key, v.getAsDouble());
        else o.putNull(key);
    }
}
