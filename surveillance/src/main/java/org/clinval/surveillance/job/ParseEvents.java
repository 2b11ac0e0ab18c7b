package org.clinval.surveillance.job;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.surveillance.event.DeadLetter;
import org.clinval.surveillance.event.Event;
import org.clinval.surveillance.event.EventParser;
import org.clinval.surveillance.event.RawLine;

/**
 * Parses each line; a line that is not a valid event goes to the dead letters with the reason.
 * Blank lines are skipped (and not counted as events, here or by the publisher).
 */
final class ParseEvents extends ProcessFunction<RawLine, Event> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(RawLine line, Context ctx, Collector<Event> out) {
        // A blank line carries no event (files may end with one, editors add them): not counted.
        if (line.text == null || line.text.isBlank()) return;
        EventParser.Result r = EventParser.parse(line.text);
        if (r.ok()) {
            out.collect(r.event());
            return;
        }
        ctx.output(Tags.DEAD, new DeadLetter(line.origin, r.caseId(), r.reason(), line.text));
        ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.MALFORMED, 1));
    }
}
