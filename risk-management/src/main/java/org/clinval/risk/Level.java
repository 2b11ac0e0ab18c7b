package org.clinval.risk;

import java.util.Objects;

/**
 * One level of a severity or probability scale of the risk management plan, e.g. {@code S4
 * critical} or {@code P2 remote}.
 *
 * @param factor the scale it belongs to
 * @param id identifier used in the risk register, e.g. {@code S4}
 * @param rank position on the scale from 1, the least severe or least probable
 * @param name short name, e.g. {@code critical}
 * @param description what the level means for this device, in the plan's words
 */
public record Level(Factor factor, String id, int rank, String name, String description) {

    public Level {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (rank < 1) {
            throw new IllegalArgumentException("level rank is not positive: " + rank);
        }
    }

    /** Returns whether this level is above {@code other} on the same scale. */
    public boolean isAbove(Level other) {
        checkSameFactor(other);
        return rank > other.rank;
    }

    /** Returns the lower of this level and {@code other}. */
    public Level min(Level other) {
        checkSameFactor(other);
        return other.rank < rank ? other : this;
    }

    private void checkSameFactor(Level other) {
        if (other.factor != factor) {
            throw new IllegalArgumentException(
                    "cannot compare "
                            + factor.key()
                            + " "
                            + id
                            + " with "
                            + other.factor.key()
                            + " "
                            + other.id);
        }
    }

    /** Returns {@code id name}, e.g. {@code S4 critical}. */
    public String label() {
        return id + " " + name;
    }
}
