package org.clinval.risk.results;

import java.util.List;

/**
 * The results of one study run, as the risk check reads them: the acceptance scenarios executed
 * and, where the source has them, the measured values behind each requirement or control.
 *
 * <p>{@link RunFolder} reads a run folder; tests and other modules may supply their own.
 */
public interface ResultsSource {

    /** Returns the id of the run, which scenario references may pin. */
    String runId();

    /** Returns where the results were read from, for the record, e.g. a folder. */
    String location();

    /** Returns every scenario the run executed, in report order. */
    List<ScenarioResult> scenarios();

    /**
     * Returns the measured values that verify requirement or risk control {@code id}, possibly
     * none. The default has none.
     */
    default List<Measurement> measurements(String id) {
        return List.of();
    }
}
