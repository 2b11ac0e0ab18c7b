package org.clinval.workflows.audit;

/**
 * The three files of a trail in its folder: the entries, the signed head record and the signed
 * checkpoints. A run folder uses {@link #RUN}; other logs (the user administration log) are {@link
 * #named} after their stem.
 *
 * @param trail the entries, one JSON line each
 * @param head the head record (entry count and hash of the last entry)
 * @param checkpoints the checkpoints of the head, one JSON line each
 */
public record TrailFiles(String trail, String head, String checkpoints) {

    /** The files of a run folder's audit trail. */
    public static final TrailFiles RUN =
            new TrailFiles("audit-trail.jsonl", "audit-head.json", "audit-checkpoints.jsonl");

    /** Returns {@code stem.jsonl}, {@code stem-head.json}, {@code stem-checkpoints.jsonl}. */
    public static TrailFiles named(String stem) {
        if (!stem.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a trail file stem: " + stem);
        }
        return new TrailFiles(stem + ".jsonl", stem + "-head.json", stem + "-checkpoints.jsonl");
    }
}
