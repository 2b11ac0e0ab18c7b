package org.clinval.validation.detection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates matched to reference lesions, scan by scan, ready for FROC analysis.
 *
 * <p>Matching follows the LUNA16 evaluation script (Setio et al. 2017, Med Image Anal 42:1–13,
 * doi:10.1016/j.media.2017.06.015): a candidate hits a lesion on the same scan when it is strictly
 * closer to the centre than the radius ({@link Lesion#isHitBy}). Each lesion is counted once, with
 * the highest score among the candidates hitting it; the other candidates hitting an already hit
 * lesion are neither true nor false positives. A candidate hitting no lesion is a false positive. A
 * candidate inside two overlapping lesions hits both (as in LUNA16). A lesion that no candidate
 * hits is a false negative at every threshold.
 *
 * <p>The number of scans is an explicit input: scans without lesions and without candidates still
 * divide the false positives, and nothing in the marks says how many there were.
 */
public final class MatchedDetections {

    private final int scans;
    private final List<String> scanIds; // scans seen in the input, in order of appearance
    private final int[] lesionsPerScan; // by index into scanIds
    // Scored events, sorted by descending score: a hit lesion (its best score) or a false
    // positive.
    private final double[] score;
    private final int[] scanOf;
    private final boolean[] hit;
    private final int lesions;
    private final int lesionsHit;
    private final int candidates;
    private final int falsePositives;

    private MatchedDetections(
            int scans,
            List<String> scanIds,
            int[] lesionsPerScan,
            double[] score,
            int[] scanOf,
            boolean[] hit,
            int lesions,
            int candidates) {
        this.scans = scans;
        this.scanIds = scanIds;
        this.lesionsPerScan = lesionsPerScan;
        this.score = score;
        this.scanOf = scanOf;
        this.hit = hit;
        this.lesions = lesions;
        this.candidates = candidates;
        int h = 0;
        for (boolean b : hit) if (b) h++;
        this.lesionsHit = h;
        this.falsePositives = hit.length - h;
    }

    /**
     * Matches {@code candidates} to {@code lesions}.
     *
     * @param scans the number of scans in the study, including those without lesions or candidates
     * @throws IllegalArgumentException if {@code scans} is below 1 or below the number of distinct
     *     scan identifiers in the candidates and lesions
     */
    public static MatchedDetections of(
            List<Candidate> candidates, List<Lesion> lesions, int scans) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<List<Candidate>> candidatesByScan = new ArrayList<>();
        List<List<Lesion>> lesionsByScan = new ArrayList<>();
        for (Lesion l : lesions) {
            int s =
                    index.computeIfAbsent(
                            l.scan(), k -> grow(index, candidatesByScan, lesionsByScan));
            lesionsByScan.get(s).add(l);
        }
        for (Candidate c : candidates) {
            int s =
                    index.computeIfAbsent(
                            c.scan(), k -> grow(index, candidatesByScan, lesionsByScan));
            candidatesByScan.get(s).add(c);
        }
        if (scans < 1 || scans < index.size()) {
            throw new IllegalArgumentException(
                    "the number of scans ("
                            + scans
                            + ") is below the number of distinct scan identifiers in the candidates"
                            + " and lesions ("
                            + index.size()
                            + ")");
        }
        int[] lesionsPerScan = new int[index.size()];
        List<double[]> events = new ArrayList<>(); // {score, scan, hit ? 1 : 0}
        for (int s = 0; s < index.size(); s++) {
            List<Lesion> ls = lesionsByScan.get(s);
            List<Candidate> cs = candidatesByScan.get(s);
            lesionsPerScan[s] = ls.size();
            boolean[] hitsSome = new boolean[cs.size()];
            for (Lesion l : ls) {
                double best = Double.NEGATIVE_INFINITY;
                boolean found = false;
                for (int c = 0; c < cs.size(); c++) {
                    if (l.isHitBy(cs.get(c))) {
                        hitsSome[c] = true;
                        found = true;
                        best = Math.max(best, cs.get(c).score());
                    }
                }
                if (found) events.add(new double[] {best, s, 1});
            }
            for (int c = 0; c < cs.size(); c++) {
                if (!hitsSome[c]) events.add(new double[] {cs.get(c).score(), s, 0});
            }
        }
        events.sort((a, b) -> Double.compare(b[0], a[0]));
        int k = events.size();
        double[] score = new double[k];
        int[] scanOf = new int[k];
        boolean[] hit = new boolean[k];
        for (int i = 0; i < k; i++) {
            double[] e = events.get(i);
            score[i] = e[0] + 0.0; // folds -0.0 into 0.0 so that equal scores group together
            scanOf[i] = (int) e[1];
            hit[i] = e[2] == 1;
        }
        return new MatchedDetections(
                scans,
                List.copyOf(index.keySet()),
                lesionsPerScan,
                score,
                scanOf,
                hit,
                lesions.size(),
                candidates.size());
    }

    private static int grow(
            Map<String, Integer> index, List<List<Candidate>> cs, List<List<Lesion>> ls) {
        cs.add(new ArrayList<>());
        ls.add(new ArrayList<>());
        return index.size();
    }

    /** Returns the number of scans, {@code N}, that divides the false positives. */
    public int scans() {
        return scans;
    }

    /** Returns the scan identifiers that occur in the candidates or lesions. */
    public List<String> scanIds() {
        return scanIds;
    }

    /** Returns the number of reference lesions. */
    public int lesions() {
        return lesions;
    }

    /** Returns the number of lesions hit by at least one candidate. */
    public int lesionsHit() {
        return lesionsHit;
    }

    /** Returns the number of candidates. */
    public int candidates() {
        return candidates;
    }

    /** Returns the number of candidates hitting no lesion. */
    public int falsePositives() {
        return falsePositives;
    }

    /**
     * Returns the number of candidates inside at least one lesion: the hits, including those that
     * are not counted because a higher-scoring candidate already stands for the lesion.
     */
    public int hittingCandidates() {
        return candidates - falsePositives;
    }

    // Event arrays for the sweep; package-private, never modified.
    double[] score() {
        return score;
    }

    int[] scanOf() {
        return scanOf;
    }

    boolean[] hit() {
        return hit;
    }

    int[] lesionsPerScan() {
        return lesionsPerScan;
    }

    @Override
    public String toString() {
        return "MatchedDetections[scans="
                + scans
                + ", lesions="
                + lesions
                + ", lesionsHit="
                + lesionsHit
                + ", candidates="
                + candidates
                + ", falsePositives="
                + falsePositives
                + "]";
    }
}
