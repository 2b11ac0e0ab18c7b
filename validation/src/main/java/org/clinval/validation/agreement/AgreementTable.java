package org.clinval.validation.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.clinval.validation.Checks;

/**
 * The {@code k × k} contingency table of two raters' ratings on one ordered scale: {@code count(i,
 * j)} cases rated category {@code i} by the first rater (rows) and {@code j} by the second
 * (columns). The category order is explicit, because weighted kappa depends on it; a category no
 * one used is allowed and gives a row and column of zeros.
 */
public final class AgreementTable {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final List<String> categories;
    private final long[][] counts;
    private final long n;

    private AgreementTable(List<String> categories, long[][] counts, long n) {
        this.categories = categories;
        this.counts = counts;
        this.n = n;
    }

    /**
     * Returns the table of {@code counts} (rows: first rater) over {@code categories} in scale
     * order.
     *
     * @throws IllegalArgumentException if there are no categories, a category is repeated or blank,
     *     the table is not {@code k × k}, or a count is negative (naming its cell)
     */
    public static AgreementTable of(List<String> categories, long[][] counts) {
        List<String> cats = checkCategories(categories);
        int k = cats.size();
        if (counts.length != k) {
            throw new IllegalArgumentException(
                    "the table has " + counts.length + " rows but there are " + k + " categories");
        }
        long[][] copy = new long[k][];
        long n = 0;
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException(
                        "table row " + i + " has " + counts[i].length + " columns, expected " + k);
            }
            copy[i] = counts[i].clone();
            for (int j = 0; j < k; j++) {
                Checks.nonNegative("count(" + i + ", " + j + ")", copy[i][j]);
                n = Math.addExact(n, copy[i][j]);
            }
        }
        return new AgreementTable(cats, copy, n);
    }

    /** Returns a builder that tallies two raters' ratings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the distinct values of both raters in a default scale order: numeric order when every
     * value is a decimal number (so {@code 2 < 10}, ties such as {@code 1} and {@code 1.0} by
     * text), otherwise the natural order of the text. An explicit order should be preferred
     * whenever the scale is known.
     */
    public static List<String> observedCategories(String[] first, String[] second) {
        Set<String> distinct = new HashSet<>(Arrays.asList(first));
        distinct.addAll(Arrays.asList(second));
        boolean numeric = distinct.stream().allMatch(v -> DECIMAL.matcher(v).matches());
        Comparator<String> order =
                numeric
                        ? Comparator.comparing((String v) -> new BigDecimal(v))
                                .thenComparing(Comparator.naturalOrder())
                        : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order);
        sorted.addAll(distinct);
        return List.copyOf(sorted);
    }

    /** Returns the categories in scale order. */
    public List<String> categories() {
        return categories;
    }

    /** Returns the number of categories {@code k}. */
    public int size() {
        return categories.size();
    }

    /** Returns the number of rated cases. */
    public long n() {
        return n;
    }

    /**
     * Returns the number of cases rated {@code i} by the first rater and {@code j} by the second.
     */
    public long count(int i, int j) {
        return counts[i][j];
    }

    /** Returns a copy of the counts, rows = first rater. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
        return copy;
    }

    private static List<String> checkCategories(List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("at least one category is needed");
        }
        Set<String> seen = new HashSet<>();
        for (String c : categories) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("a category is blank: " + categories);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("category is listed twice: " + c);
            }
        }
        return List.copyOf(categories);
    }

    /**
     * Tallies two raters' ratings of the same cases into an {@link AgreementTable}: {@link
     * #setCategories} and {@link #setRatings} are required.
     */
    public static final class Builder {

        private List<String> categories;
        private String[] first;
        private String[] second;

        private Builder() {}

        /** Sets the categories in scale order (required); unobserved ones are allowed. */
        public Builder setCategories(List<String> categories) {
            this.categories = new ArrayList<>(categories);
            return this;
        }

        /** Sets the ratings of case {@code i} by the two raters (required). */
        public Builder setRatings(String[] first, String[] second) {
            this.first = first.clone();
            this.second = second.clone();
            return this;
        }

        /**
         * Returns the table.
         *
         * @throws IllegalArgumentException if something required is missing, the rating arrays
         *     differ in length, or a rating is not a category (naming the rater, index and value)
         */
        public AgreementTable build() {
            if (categories == null) {
                throw new IllegalArgumentException("the categories are not set");
            }
            if (first == null) {
                throw new IllegalArgumentException("the ratings are not set");
            }
            List<String> cats = checkCategories(categories);
            if (first.length != second.length) {
                throw new IllegalArgumentException(
                        "the raters rated different numbers of cases: "
                                + first.length
                                + " vs "
                                + second.length);
            }
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < cats.size(); c++) index.put(cats.get(c), c);
            long[][] counts = new long[cats.size()][cats.size()];
            for (int i = 0; i < first.length; i++) {
                int r = indexOf(index, first[i], "first", i, cats);
                int c = indexOf(index, second[i], "second", i, cats);
                counts[r][c]++;
            }
            return new AgreementTable(cats, counts, first.length);
        }

        private static int indexOf(
                Map<String, Integer> index, String value, String rater, int i, List<String> cats) {
            Integer c = value == null ? null : index.get(value);
            if (c == null) {
                throw new IllegalArgumentException(
                        rater
                                + " rater's rating at index "
                                + i
                                + " is not one of the categories "
                                + cats
                                + ": "
                                + value);
            }
            return c;
        }
    }
}
