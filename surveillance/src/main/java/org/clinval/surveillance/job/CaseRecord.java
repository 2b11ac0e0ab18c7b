package org.clinval.surveillance.job;

/**
 * What the join makes of its events for the statistics, each at its own event time: a {@link
 * Kind#PREDICTION} (counted by prediction time: volumes, scores, acquisition metadata), a {@link
 * Kind#JOINED} case (a prediction with its ground truth, counted when the truth arrived) or a
 * {@link Kind#READER} decision (counted when it was made). It is sent on into each of its strata as
 * a {@link StratumRecord}.
 */
public class CaseRecord {

    /** What the record stands for. */
    public enum Kind {
        PREDICTION,
        JOINED,
        READER
    }

    public Kind kind;
    public String caseId;
    public long time;
    public long predictionTime;
    public long truthTime;
    public String site;
    public String manufacturer;
    public String modelVersion;
    public String deviceVersion;
    public double score = Double.NaN;
    public int decision;
    public int label;
    public String truthSource;

    /** 1 agreed, 0 overrode, -1 no reader decision known. */
    public int readerAgreed = -1;

    public String convolutionKernel;
    public double kvp = Double.NaN;
    public double sliceThicknessMm = Double.NaN;
    public double pixelSpacingMm = Double.NaN;
    public double magneticFieldStrengthT = Double.NaN;

    public CaseRecord() {}

    /** Returns the numeric acquisition variable {@code name} (score included), NaN when absent. */
    public double numeric(String name) {
        return switch (name) {
            case "score" -> score;
            case "kvp" -> kvp;
            case "slice_thickness_mm" -> sliceThicknessMm;
            case "pixel_spacing_mm" -> pixelSpacingMm;
            case "magnetic_field_strength_t" -> magneticFieldStrengthT;
            default -> throw new IllegalArgumentException("no numeric variable " + name);
        };
    }

    /** Returns the categorical variable {@code name}, null when absent. */
    public String categorical(String name) {
        return switch (name) {
            case "manufacturer" -> manufacturer;
            case "convolution_kernel" -> convolutionKernel;
            default -> throw new IllegalArgumentException("no categorical variable " + name);
        };
    }
}
