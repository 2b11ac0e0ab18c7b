package org.clinval.streaming;

import java.io.Serializable;
import java.util.List;

/**
 * Evaluates a whole case of a segmentation or detection study: reads its series, runs the model
 * over the volume, compares the output with the case's reference and writes the AI result object.
 * The factory is shipped to every parallel subtask; the evaluator it opens never is.
 */
@FunctionalInterface
public interface VolumeEvaluatorFactory extends Serializable {

    /** Opens an evaluator; called in the subtask's {@code open}. */
    VolumeEvaluator open() throws Exception;

    /** A thread-confined evaluator holding the model. */
    interface VolumeEvaluator extends AutoCloseable {

        /**
         * Evaluates one case.
         *
         * @throws RejectedInput if the case's series or reference cannot be used (named reason)
         */
        Evaluation evaluate(CaseInput in) throws RejectedInput, Exception;
    }

    /**
     * What the model did on one case.
     *
     * @param manufacturer DICOM Manufacturer of the series
     * @param score the case-level score (maximum voxel probability, or highest candidate score)
     * @param measures the task's per-case values, in the results file's column order
     * @param candidates lines of {@code candidates.csv} for this case (detection), else empty
     */
    record Evaluation(
            String manufacturer, double score, List<String> measures, List<String> candidates) {

        public Evaluation {
            measures = List.copyOf(measures);
            candidates = List.copyOf(candidates);
        }
    }
}
