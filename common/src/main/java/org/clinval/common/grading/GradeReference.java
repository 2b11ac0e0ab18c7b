package org.clinval.common.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The reference rule with its columns: {@code {rule: majority, graders: [...]}} (with an optional
 * {@code column} that breaks ties), {@code {rule: adjudicated, column: ..., graders: [...]}} or
 * {@code {rule: grader, column: ...}}. The graders' columns also give the inter-grader agreement.
 *
 * @param rule the rule
 * @param graders the graders' columns (at least two for majority; may be empty otherwise)
 * @param column the adjudicated or named grader's column; for majority the tie-breaking adjudicated
 *     column, if any
 */
public record GradeReference(ReferenceRule rule, List<String> graders, Optional<String> column) {

    public GradeReference {
        graders = List.copyOf(graders);
        if (rule == ReferenceRule.MAJORITY && graders.size() < 2) {
            throw new IllegalArgumentException("a majority needs at least two graders: " + graders);
        }
        if (rule != ReferenceRule.MAJORITY && column.isEmpty()) {
            throw new IllegalArgumentException("rule " + rule.key() + " needs a column");
        }
    }

    /** Returns every column the rule reads: the graders, then the column. */
    public List<String> columns() {
        List<String> out = new ArrayList<>(graders);
        column.filter(c -> !graders.contains(c)).ifPresent(out::add);
        return out;
    }

    /**
     * The reference grade of one case, or why there is none.
     *
     * @param grade the grade, empty when the case has none
     * @param reason why it has none (empty when it has one)
     */
    public record Resolution(OptionalInt grade, String reason) {

        static Resolution of(int g) {
            return new Resolution(OptionalInt.of(g), "");
        }

        static Resolution none(String reason) {
            return new Resolution(OptionalInt.empty(), reason);
        }
    }

    /**
     * Returns the reference grade of a case whose cell in column {@code c} is {@code cell.apply(c)}
     * (empty text when blank).
     */
    public Resolution resolve(GradeScale scale, Function<String, String> cell) {
        if (rule != ReferenceRule.MAJORITY) {
            return one(scale, column.orElseThrow(), cell);
        }
        int[] votes = new int[scale.size()];
        int given = 0;
        for (String g : graders) {
            String text = cell.apply(g);
            if (text.isEmpty()) continue;
            OptionalInt v = scale.parse(text);
            if (v.isEmpty()) {
                return Resolution.none(notAGrade(g, text, scale));
            }
            votes[v.getAsInt()]++;
            given++;
        }
        if (given == 0) {
            return Resolution.none("no grader graded the case (columns " + graders + ")");
        }
        int best = 0;
        for (int v : votes) best = Math.max(best, v);
        List<String> tied = new ArrayList<>();
        int winner = -1;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] == best) {
                tied.add(scale.name(i) + " (" + best + ")");
                winner = i;
            }
        }
        if (tied.size() == 1) {
            return Resolution.of(winner);
        }
        String tie = "the graders tie between " + String.join(" and ", tied);
        if (column.isPresent() && !cell.apply(column.get()).isEmpty()) {
            Resolution r = one(scale, column.get(), cell);
            return r.grade().isPresent() ? r : Resolution.none(tie + "; " + r.reason());
        }
        return Resolution.none(
                tie
                        + (column.isPresent()
                                ? " and the adjudicated column '" + column.get() + "' is empty"
                                : " and the protocol names no adjudicated column to break it"
                                        + " (grading.reference.column)"));
    }

    private static Resolution one(GradeScale scale, String c, Function<String, String> cell) {
        String text = cell.apply(c);
        if (text.isEmpty()) {
            return Resolution.none("column '" + c + "' is empty");
        }
        OptionalInt v = scale.parse(text);
        return v.isPresent()
                ? Resolution.of(v.getAsInt())
                : Resolution.none(notAGrade(c, text, scale));
    }

    private static String notAGrade(String c, String text, GradeScale scale) {
        return "column '" + c + "': '" + text + "' is not a grade, " + scale.describe();
    }
}
