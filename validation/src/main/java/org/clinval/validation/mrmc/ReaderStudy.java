package org.clinval.validation.mrmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.clinval.validation.Direction;

/**
 * A reader study: each reader's score of each case in each modality, and the truth of each case.
 *
 * <p>Readers, cases and modalities keep the order of their first appearance. A reader who did not
 * score a case in a modality is a missing read: it is recorded, counted per reader and modality by
 * {@link #missingReads()}, and classifies the study's {@link #design()}; it is never filled in.
 * Cases that have a truth but no score at all are counted by {@link #unreadCases()}.
 */
public final class ReaderStudy {

    private final List<String> readers;
    private final List<String> cases;
    private final List<String> modalities;
    private final boolean[] positive;
    private final double[][][] score; // [modality][reader][case]
    private final boolean[][][] read;
    private final Direction direction;
    private final boolean[] anyRead;

    private ReaderStudy(Builder b, List<String> cases, boolean[] positive) {
        this.readers = List.copyOf(b.readers.keySet());
        this.modalities = List.copyOf(b.modalities.keySet());
        this.cases = List.copyOf(cases);
        this.positive = positive;
        this.direction = b.direction;
        int m = modalities.size();
        int r = readers.size();
        int c = cases.size();
        Map<String, Integer> caseIndex = new HashMap<>();
        for (int k = 0; k < c; k++) caseIndex.put(cases.get(k), k);
        score = new double[m][r][c];
        read = new boolean[m][r][c];
        for (Read x : b.reads) {
            int k = caseIndex.get(x.caseId);
            score[x.modality][x.reader][k] = direction.orient(x.score);
            read[x.modality][x.reader][k] = true;
        }
        anyRead = new boolean[c];
        for (boolean[][] a : read)
            for (boolean[] b2 : a) for (int k = 0; k < c; k++) anyRead[k] |= b2[k];
    }

    /** Returns a builder of a study whose scores mean positive in {@code direction}. */
    public static Builder builder(Direction direction) {
        return new Builder(Objects.requireNonNull(direction, "direction"));
    }

    public List<String> readers() {
        return readers;
    }

    public List<String> cases() {
        return cases;
    }

    public List<String> modalities() {
        return modalities;
    }

    public Direction direction() {
        return direction;
    }

    /** Returns whether case {@code c} is positive (diseased). */
    public boolean positive(int c) {
        return positive[c];
    }

    /** Returns whether any reader scored case {@code c} in any modality. */
    public boolean isReadAtAll(int c) {
        return anyRead[c];
    }

    /** Returns the number of positive cases that were read (see {@link #unreadCases()}). */
    public int positives() {
        int n = 0;
        for (int c = 0; c < positive.length; c++) if (positive[c] && anyRead[c]) n++;
        return n;
    }

    /** Returns the number of negative cases that were read. */
    public int negatives() {
        int n = 0;
        for (int c = 0; c < positive.length; c++) if (!positive[c] && anyRead[c]) n++;
        return n;
    }

    /** Returns whether reader {@code r} scored case {@code c} in modality {@code m}. */
    public boolean isRead(int m, int r, int c) {
        return read[m][r][c];
    }

    /**
     * Returns the score of reader {@code r} for case {@code c} in modality {@code m}, oriented so
     * that higher means positive; only meaningful where {@link #isRead} holds.
     */
    public double score(int m, int r, int c) {
        if (!read[m][r][c]) {
            throw new IllegalArgumentException(
                    "reader "
                            + readers.get(r)
                            + " did not read case "
                            + cases.get(c)
                            + " in modality "
                            + modalities.get(m));
        }
        return score[m][r][c];
    }

    /** Returns the number of reads (scores) in the study. */
    public int reads() {
        int n = 0;
        for (boolean[][] a : read) for (boolean[] b : a) for (boolean x : b) if (x) n++;
        return n;
    }

    /**
     * Returns, for every reader and modality with at least one missing read, the counts; cases that
     * nobody read are not counted here but in {@link #unreadCases()}.
     */
    public List<MissingReads> missingReads() {
        int studied = 0;
        for (boolean x : anyRead) if (x) studied++;
        List<MissingReads> out = new ArrayList<>();
        for (int m = 0; m < modalities.size(); m++) {
            for (int r = 0; r < readers.size(); r++) {
                int n = 0;
                for (boolean x : read[m][r]) if (x) n++;
                if (n < studied) {
                    out.add(new MissingReads(readers.get(r), modalities.get(m), n, studied - n));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Returns the ids of cases with a truth that no reader scored in any modality. */
    public List<String> unreadCases() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) if (!anyRead[c]) out.add(cases.get(c));
        return List.copyOf(out);
    }

    /** Returns how readers, cases and modalities are crossed. */
    public StudyDesign design() {
        if (missingReads().isEmpty()) return StudyDesign.FULLY_CROSSED;
        // Split plot: the pattern of reads of each reader is the same in every modality, and two
        // readers' case sets are either equal or disjoint.
        int r = readers.size();
        for (int m = 1; m < modalities.size(); m++) {
            for (int k = 0; k < r; k++) {
                if (!Arrays.equals(read[0][k], read[m][k])) return StudyDesign.INCOMPLETE;
            }
        }
        for (int a = 0; a < r; a++) {
            for (int b = a + 1; b < r; b++) {
                boolean same = Arrays.equals(read[0][a], read[0][b]);
                if (!same && overlaps(read[0][a], read[0][b])) return StudyDesign.INCOMPLETE;
            }
        }
        return StudyDesign.SPLIT_PLOT;
    }

    private static boolean overlaps(boolean[] a, boolean[] b) {
        for (int c = 0; c < a.length; c++) if (a[c] && b[c]) return true;
        return false;
    }

    private record Read(int modality, int reader, String caseId, double score) {}

    /** Collects scores and truths; {@link #build()} checks that every scored case has a truth. */
    public static final class Builder {
        private final Direction direction;
        private final Map<String, Integer> readers = new LinkedHashMap<>();
        private final Map<String, Integer> modalities = new LinkedHashMap<>();
        private final Map<String, Boolean> truth = new LinkedHashMap<>();
        private final Set<String> scoredCases = new LinkedHashSet<>();
        private final Map<String, Boolean> seen = new HashMap<>();
        private final List<Read> reads = new ArrayList<>();

        private Builder(Direction direction) {
            this.direction = direction;
        }

        /**
         * Adds reader {@code reader}'s score of case {@code caseId} in {@code modality}.
         *
         * @throws IllegalArgumentException if the score is not finite or the reader already scored
         *     that case in that modality
         */
        public Builder addScore(String reader, String caseId, String modality, double score) {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(caseId, "case");
            Objects.requireNonNull(modality, "modality");
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("score is not finite: " + score);
            }
            String key = reader + '\u0000' + caseId + '\u0000' + modality;
            if (seen.put(key, Boolean.TRUE) != null) {
                throw new IllegalArgumentException(
                        "reader "
                                + reader
                                + " scored case "
                                + caseId
                                + " twice in modality "
                                + modality);
            }
            int r = readers.computeIfAbsent(reader, k -> readers.size());
            int m = modalities.computeIfAbsent(modality, k -> modalities.size());
            scoredCases.add(caseId);
            reads.add(new Read(m, r, caseId, score));
            return this;
        }

        /**
         * Sets the truth of case {@code caseId}.
         *
         * @throws IllegalArgumentException if the case already has a different truth
         */
        public Builder setTruth(String caseId, boolean positive) {
            Boolean old = truth.put(Objects.requireNonNull(caseId, "case"), positive);
            if (old != null && old != positive) {
                throw new IllegalArgumentException(
                        "case " + caseId + " has two truths: " + old + " and " + positive);
            }
            return this;
        }

        /** Returns whether {@code caseId} has a truth. */
        public boolean hasTruth(String caseId) {
            return truth.containsKey(caseId);
        }

        /**
         * Returns the study.
         *
         * @throws IllegalArgumentException if a scored case has no truth, there are no scores, or a
         *     modality has no scored positive or no scored negative case
         */
        public ReaderStudy build() {
            if (reads.isEmpty()) throw new IllegalArgumentException("the study has no scores");
            List<String> missing = new ArrayList<>();
            for (String c : scoredCases) if (!truth.containsKey(c)) missing.add(c);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(
                        missing.size() + " scored case(s) have no truth, first: " + missing.get(0));
            }
            List<String> cases = new ArrayList<>(truth.keySet());
            boolean[] positive = new boolean[cases.size()];
            for (int k = 0; k < positive.length; k++) positive[k] = truth.get(cases.get(k));
            ReaderStudy s = new ReaderStudy(this, cases, positive);
            for (int m = 0; m < s.modalities.size(); m++) s.checkBothClasses(m);
            return s;
        }
    }

    private void checkBothClasses(int m) {
        boolean pos = false;
        boolean neg = false;
        for (int r = 0; r < readers.size(); r++) {
            for (int c = 0; c < cases.size(); c++) {
                if (!read[m][r][c]) continue;
                if (positive[c]) pos = true;
                else neg = true;
            }
        }
        if (!pos || !neg) {
            throw new IllegalArgumentException(
                    "modality "
                            + modalities.get(m)
                            + " has no scored "
                            + (pos ? "negative" : "positive")
                            + " case: an AUC needs both");
        }
    }
}
