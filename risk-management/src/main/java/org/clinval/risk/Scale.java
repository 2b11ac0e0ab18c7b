package org.clinval.risk;

import java.util.List;
import java.util.Optional;

/**
 * An ordered scale of levels, from the least severe (or least probable) to the most.
 *
 * @param factor severity or probability
 * @param levels the levels in order; level {@code i} has rank {@code i + 1}
 */
public record Scale(Factor factor, List<Level> levels) {

    public Scale {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a " + factor.key() + " scale needs levels");
        }
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            if (l.factor() != factor || l.rank() != i + 1) {
                throw new IllegalArgumentException(
                        "level " + l.id() + " is not " + factor.key() + " rank " + (i + 1));
            }
        }
    }

    /** Returns the level called {@code id}, if any. */
    public Optional<Level> find(String id) {
        return levels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Returns the level called {@code id}; throws naming the id and the known ones otherwise. */
    public Level level(String id) {
        return find(id).orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "not a " + factor.key() + " level (" + ids() + "): " + id));
    }

    /** Returns the ids in order, comma-separated, for messages. */
    public String ids() {
        return String.join(", ", levels.stream().map(Level::id).toList());
    }

    /** Returns the number of levels. */
    public int size() {
        return levels.size();
    }
}
