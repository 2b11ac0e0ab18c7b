package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PmsDemoDetectionTest {

    /** The lines a user reads on the terminal say when each chart alarmed and what was expected. */
    @Test
    void saysWhenEachSiteAlarmedBesideTheDesignsDelay() throws Exception {
        ObjectNode d =
                (ObjectNode)
                        new ObjectMapper()
                                .readTree(
                                        """
                {"scanner_change": "2026-04-01",
                 "specificity": {"design_arl1_days": 9.9,
                   "site_A": {"alarms": 0, "observed_shift_sigma": -0.03},
                   "site_B": {"alarms": 3, "observed_shift_sigma": -0.6277,
                     "design_arl_at_observed_shift_days": 22.49,
                     "design_median_delay_at_observed_shift_days": 18,
                     "design_p90_delay_at_observed_shift_days": 44,
                     "first_alarm_after_change": "2026-04-29", "observation_days_to_alarm": 22}}}
                """);
        assertThat(PmsDemoCommand.detectionLines(d))
                .containsExactly(
                        "specificity at site A: no CUSUM alarm after 2026-04-01",
                        "specificity at site B: CUSUM alarm on 2026-04-29, the 22nd day with data"
                                + " after the change on 2026-04-01; for the shift that happened"
                                + " (-0.63 \u03c3) the design expects 22.5 days on average (median"
                                + " 18, 90% within 44)");
    }
}
