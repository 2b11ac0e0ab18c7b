package org.clinval.reports.model;

/**
 * The study's overall conclusion.
 *
 * @param passed whether the device met the acceptance criteria the protocol makes decisive
 * @param statement the conclusion in words, e.g. which endpoints decided it
 */
public record Verdict(boolean passed, String statement) {

    public Verdict {
        Fields.text("verdict statement", statement);
    }
}
