package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.app.io.CsvTable;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval stats kappa}: Cohen's kappa between two raters' columns. */
@Command(
        name = "kappa",
        description =
                "Cohen's kappa of two raters (unweighted, linear or quadratic weights) with the "
                        + "Fleiss-Cohen-Everitt standard error and a Wald CI, as R's vcd::Kappa.")
public final class KappaCommand implements Callable<Integer> {

    @Option(
            names = "--csv",
            required = true,
            paramLabel = "FILE",
            description = "CSV file with a header row.")
    Path csv;

    @Option(
            names = "--rater1",
            required = true,
            paramLabel = "COL",
            description = "Column of the first rater (table rows).")
    String rater1;

    @Option(
            names = "--rater2",
            required = true,
            paramLabel = "COL",
            description = "Column of the second rater (table columns).")
    String rater2;

    @Option(
            names = "--weights",
            defaultValue = "none",
            paramLabel = "none|linear|quadratic",
            description = "Agreement weights (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(
            names = "--categories",
            split = ",",
            paramLabel = "A,B,C",
            description =
                    "The categories in scale order (weights depend on it); unused ones are"
                            + " allowed. Default: the values seen, sorted (numerically when all"
                            + " are numbers).")
    List<String> categories;

    @Mixin Confidence confidence;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KappaWeights w = KappaWeights.parse(weights);
        ConfidenceLevel level = confidence.level();
        CsvTable table = CsvTable.read(csv);
        String[] first = table.strings(rater1);
        String[] second = table.strings(rater2);
        if (table.size() == 0) {
            throw new UserError(table.file() + ": no data rows");
        }
        List<String> order;
        String source;
        if (categories == null) {
            order = AgreementTable.observedCategories(first, second);
            source = "observed values, sorted (numerically when all are numbers)";
        } else {
            order = categories.stream().map(String::trim).toList();
            source = "--categories";
            checkCategories(order);
            checkListed(table, rater1, first, order);
            checkListed(table, rater2, second, order);
        }
        AgreementTable t =
                AgreementTable.builder().setCategories(order).setRatings(first, second).build();
        KappaEstimate k = CohenKappa.of(t, w, level);

        ObjectNode o = Json.object();
        o.put("file", table.file());
        o.put("rater1", rater1);
        o.put("rater2", rater2);
        o.put("n", k.n());
        o.put("weights", w.key());
        ArrayNode cats = o.putArray("categories");
        k.categories().forEach(cats::add);
        o.put("categories_order", source);
        Json.put(o, "confidence_level", level.value());
        Json.put(o, "kappa", k.kappa());
        Json.put(o, "se", k.se());
        Json.put(o, "ci", k.ci());
        Json.put(o, "observed_agreement", k.observedAgreement());
        Json.put(o, "expected_agreement", k.expectedAgreement());
        o.put("method", k.method());
        k.undefinedReason().ifPresent(r -> o.put("kappa_undefined", r));
        ArrayNode rows = o.putArray("table");
        for (int i = 0; i < t.size(); i++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < t.size(); j++) row.add(t.count(i, j));
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private static void checkCategories(List<String> order) {
        if (order.isEmpty()) {
            throw new UserError("--categories lists no category");
        }
        Set<String> seen = new HashSet<>();
        for (String c : order) {
            if (c.isEmpty()) {
                throw new UserError(
                        "--categories has an empty category: '" + String.join(",", order) + "'");
            }
            if (!seen.add(c)) {
                throw new UserError("--categories lists '" + c + "' twice");
            }
        }
    }

    /** Names the first rating that is not one of the user's categories, with file and line. */
    private static void checkListed(
            CsvTable table, String column, String[] values, List<String> order) {
        Set<String> allowed = new HashSet<>(order);
        for (int i = 0; i < values.length; i++) {
            if (!allowed.contains(values[i])) {
                throw new UserError(
                        table.where(i, column)
                                + ": '"
                                + values[i]
                                + "' is not one of --categories "
                                + String.join(",", order));
            }
        }
    }
}
