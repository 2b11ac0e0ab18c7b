package org.clinval.workflows.protocol;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The subgroup analysis the protocol asks for.
 *
 * @param attributes attributes to group by: {@code site}, {@code manufacturer}, {@code sex}, {@code
 *     age_band}
 * @param minPerClass fewest positives and negatives for an informative subgroup
 * @param maxCiWidth widest acceptable sensitivity or specificity interval, if stated
 */
public record Subgroups(List<String> attributes, int minPerClass, OptionalDouble maxCiWidth) {

    /** The attributes a case result carries. */
    public static final List<String> ATTRIBUTES =
            List.of("site", "manufacturer", "sex", "age_band");

    public Subgroups {
        attributes = List.copyOf(attributes);
    }
}
