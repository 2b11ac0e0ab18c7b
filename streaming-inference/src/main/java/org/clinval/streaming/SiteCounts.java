package org.clinval.streaming;

/**
 * Running confusion counts of one site, updated as results stream in.
 *
 * @param site the site
 * @param n results so far
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
public record SiteCounts(String site, long n, long tp, long fp, long tn, long fn) {

    /** The CSV header of {@code running-site-counts.csv}. */
    public static final String HEADER = "site,n,tp,fp,tn,fn";

    /** Returns the counts with one more result. */
    public SiteCounts add(int label, int prediction) {
        return new SiteCounts(
                site,
                n + 1,
                tp + (label == 1 && prediction == 1 ? 1 : 0),
                fp + (label == 0 && prediction == 1 ? 1 : 0),
                tn + (label == 0 && prediction == 0 ? 1 : 0),
                fn + (label == 1 && prediction == 0 ? 1 : 0));
    }
}
