package org.clinval.surveillance.job;

import org.apache.flink.util.OutputTag;
import org.clinval.surveillance.event.DeadLetter;

/** The job's side outputs. */
final class Tags {
    static final OutputTag<DeadLetter> DEAD = new OutputTag<>("dead-letter") {};
    static final OutputTag<Ledger> LEDGER = new OutputTag<>("ledger") {};
    static final OutputTag<String> DRIFT = new OutputTag<>("drift") {};
    static final OutputTag<String> ALARMS = new OutputTag<>("alarms") {};

    /** The lines of {@code joined-cases.csv}. */
    static final OutputTag<String> JOINED = new OutputTag<>("joined") {};

    /** The summaries of the plan's windows, summed into the cumulative rows. */
    static final OutputTag<WindowSummary> SUMMARIES = new OutputTag<>("summaries") {};

    /** Each stratum's counts per day, for the CUSUM charts. */
    static final OutputTag<DailyMetric> DAYS = new OutputTag<>("days") {};

    private Tags() {}
}
