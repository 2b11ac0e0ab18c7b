package org.clinval.surveillance.job;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.clinval.surveillance.event.Event;

/**
 * Watermarks that follow the events themselves (the latest event time seen less the allowed
 * lateness), emitted as soon as they advance rather than every few hundred milliseconds of wall
 * time: which events are late then depends only on their order, so the same input gives the same
 * outputs however fast the machine is.
 */
final class EventTimeWatermarks implements WatermarkGenerator<Event> {

    private final long lateness;
    private long max = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    EventTimeWatermarks(long lateness) {
        this.lateness = lateness;
    }

    @Override
    public void onEvent(Event e, long timestamp, WatermarkOutput out) {
        if (timestamp > max) max = timestamp;
        long w = max - lateness - 1;
        if (max != Long.MIN_VALUE && w > emitted) {
            emitted = w;
            out.emitWatermark(new Watermark(w));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput out) {
        // Every watermark is emitted in onEvent.
    }
}
