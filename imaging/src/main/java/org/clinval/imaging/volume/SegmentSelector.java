package org.clinval.imaging.volume;

import java.util.Objects;

/**
 * Which segment of a reference segmentation to use: by number (from 1), by label (exact, case
 * sensitive), or the union of all segments (a truth SEG with one segment per lesion).
 */
public sealed interface SegmentSelector {

    /** The segment with Segment Number {@code number}. */
    record ByNumber(int number) implements SegmentSelector {
        public ByNumber {
            if (number < 1) {
                throw new IllegalArgumentException("segment number is not positive: " + number);
            }
        }
    }

    /** The segment whose Segment Label is {@code label}. */
    record ByLabel(String label) implements SegmentSelector {
        public ByLabel {
            Objects.requireNonNull(label, "label");
            if (label.isBlank()) {
                throw new IllegalArgumentException("segment label is blank");
            }
        }
    }

    /** The union of every segment. */
    record All() implements SegmentSelector {}

    /** Returns the segment numbered {@code n}. */
    static SegmentSelector number(int n) {
        return new ByNumber(n);
    }

    /** Returns the segment labelled {@code label}. */
    static SegmentSelector label(String label) {
        return new ByLabel(label);
    }

    /** Returns the union of all segments. */
    static SegmentSelector all() {
        return new All();
    }

    /**
     * Parses the protocol's {@code segmentation.label}: digits are a segment number, {@code *} or
     * {@code all} every segment, anything else a label.
     */
    static SegmentSelector parse(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        if (v.equals("*") || v.equalsIgnoreCase("all")) {
            return all();
        }
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return number(Integer.parseInt(v));
        }
        return label(v);
    }
}
