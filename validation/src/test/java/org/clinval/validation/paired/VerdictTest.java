package org.clinval.validation.paired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.clinval.validation.Interval;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void lowerBoundStrictlyAboveMinusMarginIsWithinPlan() {
        assertThat(Verdict.of(Optional.of(new Interval(-0.049, 0.1)), 0.05))
                .isEqualTo(Verdict.WITHIN_PLAN);
        assertThat(Verdict.of(Optional.of(new Interval(-0.05, 0.1)), 0.05))
                .isEqualTo(Verdict.OUTSIDE_PLAN);
        assertThat(Verdict.of(Optional.empty(), 0.05)).isEqualTo(Verdict.UNDEFINED);
        assertThat(Verdict.WITHIN_PLAN.wire()).isEqualTo("within plan");
    }
}
