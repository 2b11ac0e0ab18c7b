package org.clinval.risk.postproduction;

import java.util.List;
import java.util.Objects;

/**
 * The production and post-production information a risk check reviews (ISO 14971:2019 §10): the
 * post-market investigations of a surveillance, open and closed.
 *
 * @param source where it was read from, for the record (e.g. the surveillance output folder); empty
 *     for {@link #none()}
 * @param investigations every investigation, by id
 */
public record PostProductionInformation(String source, List<Investigation> investigations) {

    public PostProductionInformation {
        Objects.requireNonNull(source, "source");
        investigations = List.copyOf(investigations);
    }

    /** No post-production information given. */
    public static PostProductionInformation none() {
        return new PostProductionInformation("", List.of());
    }

    /** Returns whether any was given. */
    public boolean given() {
        return !source.isEmpty() || !investigations.isEmpty();
    }

    /** Returns the open investigations. */
    public List<Investigation> open() {
        return investigations.stream().filter(Investigation::open).toList();
    }

    /** Returns the closed investigations: the post-production information reviewed. */
    public List<Investigation> closed() {
        return investigations.stream().filter(i -> !i.open()).toList();
    }

    /** Returns the open investigations on an alarm whose metric verifies control {@code id}. */
    public List<Investigation> openOn(String controlId) {
        return open().stream().filter(i -> i.riskControls().contains(controlId)).toList();
    }
}
