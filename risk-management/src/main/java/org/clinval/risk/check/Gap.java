package org.clinval.risk.check;

import java.util.Objects;

/**
 * Something missing from the risk management file or its evidence.
 *
 * @param kind what kind of gap
 * @param subject the id of the hazard, control or requirement concerned; the register's id for the
 *     file as a whole; the tag itself for an unknown tag
 * @param message what is missing, in words a reviewer can act on
 */
public record Gap(GapKind kind, String subject, String message) {

    public Gap {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }
}
