package org.clinval.imaging.model.training;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.model.ModelDescriptor;

/**
 * The outcome of a training run.
 *
 * @param spec what was trained and how
 * @param losses the loss of every optimiser step, in order
 * @param descriptor the written descriptor, with the weights' SHA-256
 * @param descriptorFile where the descriptor was written
 * @param weightsFile where the weights were written
 * @param seconds wall-clock time
 */
public record TrainingRun(
        TrainingSpec spec,
        List<Float> losses,
        ModelDescriptor descriptor,
        Path descriptorFile,
        Path weightsFile,
        double seconds) {

    public TrainingRun {
        losses = List.copyOf(losses);
    }

    /** Returns the mean loss of steps {@code [from, to)}. */
    public double meanLoss(int from, int to) {
        if (from < 0 || to > losses.size() || from >= to) {
            throw new IllegalArgumentException(
                    "loss range is not within [0, " + losses.size() + "]: " + from + ", " + to);
        }
        double s = 0;
        for (int i = from; i < to; i++) s += losses.get(i);
        return s / (to - from);
    }
}
