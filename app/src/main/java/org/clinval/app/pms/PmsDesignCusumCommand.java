package org.clinval.app.pms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.validation.cusum.CusumDesign;
import org.clinval.validation.cusum.CusumRunLength;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval pms design-cusum}: k and h from a target in-control ARL, with the ARL1. */
@Command(
        name = "design-cusum",
        description =
                "Design a two-sided CUSUM chart: k = shift/2 and the h that gives the target"
                        + " in-control average run length ARL0, with the expected detection delay"
                        + " ARL1 for the shift; both from Page's integral equation. Prints JSON.")
public final class PmsDesignCusumCommand implements Callable<Integer> {

    @Option(
            names = "--arl0",
            required = true,
            description = "Target in-control average run length, in observations (e.g. 365 days).")
    double arl0;

    @Option(
            names = "--shift",
            required = true,
            description = "The shift of the mean to detect, in standard deviations (e.g. 1).")
    double shift;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(arl0 > 1) || arl0 > 1e7) {
            throw new UserError("--arl0 " + arl0 + " is not between 1 and 10,000,000 observations");
        }
        if (!(shift > 0) || shift > 10) {
            throw new UserError(
                    "--shift " + shift + " is not above 0 and at most 10 standard deviations");
        }
        CusumDesign d = CusumDesign.forArl0(arl0, shift);
        ObjectNode o = Json.object();
        o.put("arl0_target", d.arl0Target());
        o.put("shift_sigma", d.shiftSigma());
        o.put("k", d.k());
        o.put("h", d.h());
        o.put("arl0", d.arl0Achieved());
        o.put("arl1", d.arl1());
        CusumRunLength rl = CusumRunLength.of(d.k(), d.h(), d.shiftSigma());
        ObjectNode r = o.putObject("arl1_run_length");
        r.put("median", rl.median());
        r.put("p90", rl.p90());
        r.put("simulated_mean", rl.mean());
        r.put("runs", rl.runs());
        r.put("seed", rl.seed());
        o.put("units", "k and h in standard deviations of the charted metric");
        o.put("method", d.method());
        spec.commandLine().getOut().println(Json.write(o));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
