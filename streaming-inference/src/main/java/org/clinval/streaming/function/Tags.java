package org.clinval.streaming.function;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.Quarantined;

/** Side outputs of the job. */
public final class Tags {

    /** Cases rejected before inference; they still meet their ground truth in the join. */
    public static final OutputTag<Outcome> REJECTED =
            new OutputTag<>("rejected", TypeInformation.of(Outcome.class));

    /** Inputs that produced no result. */
    public static final OutputTag<Quarantined> QUARANTINE =
            new OutputTag<>("quarantine", TypeInformation.of(Quarantined.class));

    /** Lines of {@code candidates.csv}: every candidate a detection model produced. */
    public static final OutputTag<String> CANDIDATES =
            new OutputTag<>("candidates", TypeInformation.of(String.class));

    private Tags() {}
}
