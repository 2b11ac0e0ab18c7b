package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.app.io.CsvTable;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.multiclass.ClassAccuracy;
import org.clinval.validation.multiclass.GradedCases;
import org.clinval.validation.multiclass.HandTill;
import org.clinval.validation.multiclass.HandTillAuc;
import org.clinval.validation.multiclass.OneVsOne;
import org.clinval.validation.multiclass.OneVsRest;
import picocli.CommandLine.Option;

/**
 * {@code stats roc --class-scores NAME=COL,...}: the AUCs of a model that scores more than two
 * classes — one-vs-rest per class with DeLong's interval, their macro and prevalence-weighted means
 * (scikit-learn's {@code roc_auc_score(multi_class="ovr", average="macro"|"weighted")}), the
 * one-vs-one means ({@code multi_class="ovo"}) and Hand and Till's M ({@code
 * pROC::multiclass.roc}).
 */
public final class MulticlassOptions {

    @Option(
            names = "--class-scores",
            paramLabel = "NAME=COL,...",
            description =
                    "Multi-class model: for each class, its label value in --label and the column"
                            + " of its score, e.g. normal=p_normal,benign=p_benign,malignant=p_malignant."
                            + " Prints one-vs-rest AUCs per class (DeLong CIs), their macro and"
                            + " prevalence-weighted means, the one-vs-one means and Hand-Till's M,"
                            + " as sklearn's roc_auc_score(multi_class=ovr|ovo) and"
                            + " pROC::multiclass.roc; higher scores mean the class. Replaces --score.")
    String classScores;

    /** Returns whether the multi-class mode was asked for. */
    boolean given() {
        return classScores != null;
    }

    /** The classes in the order given, each with its score column. */
    private LinkedHashMap<String, String> classes() {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        Map<String, String> columnOf = new HashMap<>();
        for (String part : classScores.split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            String column = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (name.isEmpty() || column.isEmpty()) {
                throw new UsageError(
                        "--class-scores: '"
                                + part.strip()
                                + "' is not NAME=COL (e.g."
                                + " normal=p_normal,benign=p_benign,malignant=p_malignant)");
            }
            if (out.put(name, column) != null) {
                throw new UsageError("--class-scores: class '" + name + "' is named twice");
            }
            String other = columnOf.put(column, name);
            if (other != null) {
                throw new UsageError(
                        "--class-scores: column '"
                                + column
                                + "' is the score of both '"
                                + other
                                + "' and '"
                                + name
                                + "'");
            }
        }
        if (out.size() < 3) {
            throw new UsageError(
                    "--class-scores needs at least three classes; for two, use --score with"
                            + " --positive");
        }
        return out;
    }

    /**
     * Reads {@code input}'s label column and every class's score column and returns the result.
     *
     * @throws UserError naming the file, line and column of a label that is not a class, or of a
     *     score that is not a finite number
     */
    ObjectNode analyse(LabelledCsv input, ConfidenceLevel level) {
        if (input.positive != null) {
            throw new UsageError(
                    "--positive does not apply to --class-scores: every class is in turn the"
                            + " positive one");
        }
        LinkedHashMap<String, String> classes = classes();
        List<String> names = new ArrayList<>(classes.keySet());
        CsvReader.Builder columns = CsvReader.builder().text(input.label);
        classes.values().forEach(columns::number);
        CsvTable table = CsvTable.read(input.csv, columns.build());
        int n = table.size();
        TextColumn labels = table.text(input.label);
        int[] classOfCode = new int[labels.values().size()];
        for (int code = 0; code < classOfCode.length; code++) {
            String v = labels.values().get(code);
            classOfCode[code] = names.indexOf(v);
            if (classOfCode[code] < 0) {
                throw new UserError(
                        table.where(labels.firstRow(code), input.label)
                                + ": '"
                                + v
                                + "' is not one of the classes of --class-scores: "
                                + String.join(", ", names));
            }
        }
        double[][] scores = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) scores[c] = table.doubles(classes.get(names.get(c)));
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[n][names.size()];
        int[] codes = labels.codes();
        for (int i = 0; i < n; i++) {
            truth[i] = classOfCode[codes[i]];
            int best = 0;
            for (int c = 0; c < names.size(); c++) {
                p[i][c] = scores[c][i];
                if (p[i][c] > p[i][best]) best = c;
            }
            predicted[i] = best;
        }
        GradedCases cases = GradedCases.of(names, truth, predicted, p);

        ObjectNode o = Json.object();
        o.put("file", table.file());
        o.put("label", input.label);
        Json.put(o, "confidence_level", level.value());
        o.put("n", n);
        List<ClassAccuracy> ovr = OneVsRest.of(cases, level);
        ArrayNode perClass = o.putArray("classes");
        for (ClassAccuracy a : ovr) {
            ObjectNode k = perClass.addObject();
            k.put("class", a.name());
            k.put("score", classes.get(a.name()));
            a.auc().ifPresent(e -> JsonResults.auc(k, e));
            a.aucUndefinedReason().ifPresent(r -> k.put("auc_undefined", r));
        }
        ObjectNode ovrMeans = o.putObject("one_vs_rest");
        Json.put(ovrMeans, "macro", OneVsRest.macroAuc(ovr));
        Json.put(ovrMeans, "weighted", OneVsRest.weightedAuc(ovr));
        OneVsOne.Auc ovo = OneVsOne.auc(cases);
        ObjectNode ovoMeans = o.putObject("one_vs_one");
        Json.put(ovoMeans, "macro", ovo.macro());
        Json.put(ovoMeans, "weighted", ovo.weighted());
        ovo.undefinedReason().ifPresent(r -> ovoMeans.put("undefined", r));
        HandTillAuc h = HandTill.auc(cases);
        ObjectNode ht = o.putObject("hand_till");
        Json.put(ht, "m", h.auc());
        h.undefinedReason().ifPresent(r -> ht.put("undefined", r));
        o.put(
                "method",
                "one-vs-rest: class c against all others, DeLong CI; weighted by each class's"
                        + " cases; one-vs-one and Hand-Till: mean over class pairs of"
                        + " (A(i|j) + A(j|i)) / 2, weighted by n_i + n_j");
        return o;
    }
}
