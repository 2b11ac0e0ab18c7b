package org.clinval.imaging.deid;

/**
 * What de-identification does with a file whose Burned In Annotation is {@code YES}: text in the
 * pixels that attribute rules cannot reach. Never silently passed.
 */
public enum BurnedInPolicy {
    /** Refuse the file: nothing is written, the error names the file. The default. */
    REFUSE,
    /**
     * Write the file with Burned In Annotation kept {@code YES} and report it in the result, so the
     * caller can quarantine it or have the pixels cleaned; the PHI scan keeps flagging it.
     */
    FLAG
}
