package org.clinval.surveillance.event;

/**
 * One line of input as it arrived, with where it came from (a Kafka topic, partition and offset, or
 * the events folder), before it is parsed.
 */
public class RawLine {
    public String origin;
    public String text;

    public RawLine() {}

    public RawLine(String origin, String text) {
        this.origin = origin;
        this.text = text;
    }
}
