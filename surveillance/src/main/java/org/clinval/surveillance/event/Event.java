package org.clinval.surveillance.event;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One real-world event, with its own Flink serializer ({@link EventSerializer}) so that no generic
 * serialiser runs: a {@link Type#PREDICTION prediction} the device made, the {@link
 * Type#GROUND_TRUTH ground truth} that arrived later, or a {@link Type#READER_DECISION reader's
 * decision} to agree with or override the device.
 *
 * <p>Absent numbers are {@code NaN} in this in-memory record only; they are never written out as
 * such (outputs leave the cell empty).
 */
@TypeInfo(EventSerializer.Info.class)
public class Event {

    /** The kinds of event. */
    public enum Type {
        PREDICTION("prediction"),
        GROUND_TRUTH("ground-truth"),
        READER_DECISION("reader-decision");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        /** Returns the name used in the JSON {@code type} field. */
        public String wire() {
            return wire;
        }
    }

    public Type type;
    public String caseId;
    public long eventTime;

    // prediction
    public String site;
    public String deviceVersion;
    public String modelVersion;
    public double score = Double.NaN;

    /** The grade a grader gave; -1 when the device is a classifier. */
    public int grade = -1;

    /** What the clinician was shown: 1 positive (or the grade), 0 negative. */
    public int decision;

    public String modality;
    public String manufacturer;
    public String manufacturerModelName;
    public double kvp = Double.NaN;
    public double sliceThicknessMm = Double.NaN;
    public double pixelSpacingMm = Double.NaN;
    public String convolutionKernel;
    public double magneticFieldStrengthT = Double.NaN;

    // ground truth
    public int label;
    public String source;

    // reader decision
    public boolean agreed;

    public Event() {}

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Event e)) return false;
        return type == e.type
                && eventTime == e.eventTime
                && Objects.equals(caseId, e.caseId)
                && Objects.equals(site, e.site)
                && Double.compare(score, e.score) == 0
                && grade == e.grade
                && decision == e.decision
                && label == e.label
                && agreed == e.agreed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, caseId, eventTime);
    }

    @Override
    public String toString() {
        return type + " " + caseId + " @" + eventTime;
    }
}
