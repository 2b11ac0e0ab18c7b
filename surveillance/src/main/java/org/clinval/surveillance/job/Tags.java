package org.clinval.surveillance.job;

import org.apache.flink.util.OutputTag;
import org.clinval.surveillance.event.DeadLetter;

/** The job's side outputs. */
final class Tags {
    static final OutputTag<DeadLetter> DEAD = new OutputTag<>("dead-letter") {};
    static final OutputTag<Ledger> LEDGER = new OutputTag<>("ledger") {};
    static final OutputTag<String> DRIFT = new OutputTag<>("drift") {};
    static final OutputTag<String> ALARMS = new OutputTag<>("alarms") {};

    private Tags() {}
}
