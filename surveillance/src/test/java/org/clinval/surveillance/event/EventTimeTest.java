package org.clinval.surveillance.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The fast reading of event times equals the general ISO-8601 parser's, or declines. */
class EventTimeTest {

    @Test
    void theFastPathEqualsTheIsoParser() {
        for (String t :
                new String[] {
                    "2026-03-04T10:15:00Z",
                    "2026-03-04T10:15:00.5Z",
                    "2026-03-04T10:15:00.123Z",
                    "2026-03-04T10:15:00.123456789Z",
                    "1969-12-31T23:59:59.999Z",
                    "2024-02-29T00:00:00Z",
                    "2026-12-31T23:59:59Z"
                }) {
            assertThat(EventParser.utc(t))
                    .as(t)
                    .isEqualTo(OffsetDateTime.parse(t).toInstant().toEpochMilli());
        }
        for (String t :
                new String[] {
                    "2026-03-04T10:15:00+01:00",
                    "2026-02-30T10:15:00Z",
                    "2026-13-04T10:15:00Z",
                    "2026-03-04T24:15:00Z",
                    "2026-03-04 10:15:00Z",
                    "2026-03-04T10:15:00.Z",
                    "2026-03-04T10:15:00"
                }) {
            assertThat(EventParser.utc(t)).as(t).isEqualTo(Long.MIN_VALUE);
        }
        // Declined forms still parse (or are refused) by the general parser.
        assertThat(
                        EventParser.parse(
                                        "{\"type\":\"reader-decision\",\"case_id\":\"C1\",\"event_time\":\"2026-03-04T10:15:00+01:00\",\"agreed\":true}")
                                .event()
                                .eventTime)
                .isEqualTo(
                        OffsetDateTime.parse("2026-03-04T10:15:00+01:00")
                                .toInstant()
                                .toEpochMilli());
        assertThat(
                        EventParser.parse(
                                        "{\"type\":\"reader-decision\",\"case_id\":\"C1\",\"event_time\":\"2026-02-30T10:15:00Z\",\"agreed\":true}")
                                .ok())
                .isFalse();
    }
}
