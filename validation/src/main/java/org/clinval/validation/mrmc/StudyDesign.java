package org.clinval.validation.mrmc;

/** How readers, cases and modalities of a reader study are crossed. */
public enum StudyDesign {
    /** Every reader scored every case in every modality. */
    FULLY_CROSSED,
    /**
     * Readers fall into groups that read disjoint sets of cases, each group fully crossed with its
     * cases and with every modality.
     */
    SPLIT_PLOT,
    /** Any other pattern of reads: some reads are missing without a split-plot structure. */
    INCOMPLETE
}
