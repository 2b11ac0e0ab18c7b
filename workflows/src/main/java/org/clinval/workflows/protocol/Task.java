package org.clinval.workflows.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the device under test does per case, key {@code task} of the protocol (default {@link
 * #CLASSIFICATION}). Every task keeps the case-level table (label against prediction); the volume
 * tasks add their own reference and measures.
 */
public enum Task {
    /** One score per case against the ground-truth label. */
    CLASSIFICATION,
    /** A mask per case against a reference mask ({@code dataset.reference_masks}). */
    SEGMENTATION,
    /** Scored candidate positions per case against reference lesions ({@code dataset.lesions}). */
    DETECTION,
    /**
     * A grade per case on an ordered scale against a reference grade ({@code grading}); the
     * case-level table is the first grading endpoint's cut.
     */
    GRADING;

    /** Returns the protocol's name of the task, e.g. {@code segmentation}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the protocol's names of every task. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Task::key).toList();
    }

    /** Parses a task name, naming the bad value. */
    public static Task parse(String text) {
        for (Task t : values()) {
            if (t.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "task is not one of " + String.join(", ", keys()) + ": " + text);
    }
}
