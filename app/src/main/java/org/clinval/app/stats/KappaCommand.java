package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.app.io.CsvTable;
import org.clinval.common.Quote;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;
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

    /** The most categories: the agreement table has their square of cells. */
    static final int MAX_CATEGORIES = 1_000;

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
        KappaWeights w = OptionValues.parse("--weights", weights, KappaWeights::parse);
        ConfidenceLevel level = confidence.level();
        List<String> listed = null;
        if (categories != null) {
            listed = categories.stream().map(String::trim).toList();
            checkCategories(listed);
        }
        CsvTable table = CsvTable.read(csv, CsvReader.builder().text(rater1).text(rater2).build());
        TextColumn first = table.text(rater1);
        TextColumn second = table.text(rater2);
        List<String> order;
        String source;
        if (listed == null) {
            // The distinct values give the same scale order as every rating would.
            order =
                    AgreementTable.observedCategories(
                            first.values().toArray(String[]::new),
                            second.values().toArray(String[]::new));
            source = "observed values, sorted (numerically when all are numbers)";
            if (order.size() > MAX_CATEGORIES) {
                throw new UserError(
                        table.file()
                                + ": columns "
                                + Quote.value(rater1)
                                + " and "
                                + Quote.value(rater2)
                                + " hold "
                                + order.size()
                                + " distinct ratings, more than the "
                                + MAX_CATEGORIES
                                + " categories kappa takes (are these the raters' columns?)");
            }
        } else {
            order = listed;
            source = "--categories";
            checkListed(table, rater1, first, order);
            checkListed(table, rater2, second, order);
        }
        AgreementTable t = AgreementTable.of(order, counts(first, second, order));
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
            throw new UsageError("--categories lists no category");
        }
        if (order.size() > MAX_CATEGORIES) {
            throw new UsageError(
                    "--categories lists "
                            + order.size()
                            + " categories, more than the "
                            + MAX_CATEGORIES
                            + " kappa takes");
        }
        Set<String> seen = new HashSet<>();
        for (String c : order) {
            if (c.isEmpty()) {
                throw new UsageError(
                        "--categories has an empty category: "
                                + Quote.value(String.join(",", order)));
            }
            if (!seen.add(c)) {
                throw new UsageError("--categories lists " + Quote.value(c) + " twice");
            }
        }
    }

    /**
     * Tallies the raters' codes into the {@code k × k} table over {@code order}, which holds every
     * rating: one pass over the codes, with no string per case.
     */
    private static long[][] counts(TextColumn first, TextColumn second, List<String> order) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < order.size(); c++) index.put(order.get(c), c);
        int[] row = categoryOf(first, index);
        int[] column = categoryOf(second, index);
        int[] a = first.codes();
        int[] b = second.codes();
        long[][] counts = new long[order.size()][order.size()];
        for (int i = 0; i < a.length; i++) counts[row[a[i]]][column[b[i]]]++;
        return counts;
    }

    /** Returns the category index of each distinct value of {@code ratings}. */
    private static int[] categoryOf(TextColumn ratings, Map<String, Integer> index) {
        List<String> values = ratings.values();
        int[] out = new int[values.size()];
        for (int c = 0; c < out.length; c++) out[c] = index.get(values.get(c));
        return out;
    }

    /** Names the first rating that is not one of the user's categories, with file and line. */
    private static void checkListed(
            CsvTable table, String column, TextColumn ratings, List<String> order) {
        Set<String> allowed = new HashSet<>(order);
        int bad = -1;
        for (int c = 0; c < ratings.values().size(); c++) {
            boolean outside = !allowed.contains(ratings.values().get(c));
            if (outside && (bad < 0 || ratings.firstRow(c) < ratings.firstRow(bad))) bad = c;
        }
        if (bad >= 0) {
            throw new UserError(
                    table.where(ratings.firstRow(bad), column)
                            + ": "
                            + Quote.value(ratings.values().get(bad))
                            + " is not one of --categories "
                            + Quote.value(String.join(",", order)));
        }
    }
}
