package org.clinval.app.init;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.clinval.common.Problem;
import org.clinval.common.Quote;
import org.clinval.streaming.study.GroundTruthRow;
import org.clinval.streaming.study.GroundTruthTable;
import org.clinval.workflows.protocol.Subgroups;

/**
 * What the ground truth gives a drafted study: the positive class (given, or {@code 1} when the
 * labels are exactly {@code 0} and {@code 1}), the class counts and the subgroup attributes it has
 * a value for in every row. Read by the study's own reader, so what it refuses is refused here.
 *
 * @param positive the positive class
 * @param inferred whether it was inferred from the labels
 * @param negative the one other label
 * @param positives rows with the positive class
 * @param negatives rows with the other label
 * @param attributes subgroup attributes with a value in every row, in {@link Subgroups#ATTRIBUTES}
 *     order
 * @param incomplete attribute columns left out because a row has no value, with the count
 */
record TruthSurvey(
        String positive,
        boolean inferred,
        String negative,
        long positives,
        long negatives,
        List<String> attributes,
        List<String> incomplete) {

    /** Reads {@code file}; adds a one-line problem for each thing that stops a study. */
    static Optional<TruthSurvey> of(Path file, Optional<String> given, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(
                    (Files.exists(file) ? "not a file: " : "no such file: ")
                            + file
                            + " (--ground-truth)");
            return Optional.empty();
        }
        GroundTruthTable first = GroundTruthTable.read(file, given.orElse("1"));
        if (first.rows().isEmpty()) {
            first.problems().forEach(p -> problems.add(line(p)));
            return Optional.empty();
        }
        Set<String> labels = new TreeSet<>();
        first.rows().forEach(r -> labels.add(r.label()));
        String positive;
        if (given.isPresent()) {
            if (!labels.contains(given.get())) {
                problems.add(
                        "--positive-class "
                                + Quote.value(given.get())
                                + " is not a label of "
                                + file
                                + "; its labels are "
                                + quoted(labels));
                return Optional.empty();
            }
            positive = given.get();
        } else if (labels.equals(Set.of("0", "1"))) {
            positive = "1";
        } else if (labels.size() == 1) {
            problems.add(
                    "every case of "
                            + file
                            + " has the label "
                            + quoted(labels)
                            + ": a study needs positive and negative cases");
            return Optional.empty();
        } else {
            problems.add(
                    file
                            + " has the labels "
                            + quoted(labels)
                            + ", not exactly 0 and 1: name the positive one with --positive-class");
            return Optional.empty();
        }
        GroundTruthTable t = GroundTruthTable.read(file, positive);
        if (!t.ok()) {
            t.problems().forEach(p -> problems.add(line(p)));
            return Optional.empty();
        }
        long positives = t.rows().stream().filter(r -> r.label().equals(positive)).count();
        List<String> attributes = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (String a : Subgroups.ATTRIBUTES) {
            if (!t.columns().contains(a)) continue;
            long empty = t.rows().stream().filter(r -> value(a).apply(r).isEmpty()).count();
            if (empty == 0) {
                attributes.add(a);
            } else {
                incomplete.add(a + " (empty in " + empty + (empty == 1 ? " row)" : " rows)"));
            }
        }
        return Optional.of(
                new TruthSurvey(
                        positive,
                        given.isEmpty(),
                        t.negativeLabel(),
                        positives,
                        t.rows().size() - positives,
                        attributes,
                        incomplete));
    }

    private static Function<GroundTruthRow, String> value(String attribute) {
        return switch (attribute) {
            case "site" -> GroundTruthRow::site;
            case "sex" -> GroundTruthRow::sex;
            case "age_band" -> GroundTruthRow::ageBand;
            default -> GroundTruthRow::manufacturer;
        };
    }

    private static String line(Problem p) {
        return p.where() + " (--ground-truth): " + p.what();
    }

    private static String quoted(Set<String> labels) {
        List<String> q = labels.stream().limit(10).map(Quote::value).toList();
        return String.join(", ", q) + (labels.size() > 10 ? ", … (" + labels.size() + ")" : "");
    }
}
