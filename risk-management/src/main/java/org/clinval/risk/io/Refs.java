package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Quote;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.risk.ScenarioRef;

/** Reads lists of scenario references: {@code {tag, feature, scenario, run}}. */
final class Refs {

    private Refs() {}

    /**
     * Reads the optional list {@code key} of {@code m}, absent meaning none. Bad entries are
     * recorded as problems and left out.
     */
    static List<ScenarioRef> list(YamlMap m, String key) {
        List<ScenarioRef> out = new ArrayList<>();
        for (YamlValue v : m.list(key, false).orElse(List.of())) {
            v.asMap().flatMap(Refs::one).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<ScenarioRef> one(YamlMap r) {
        Optional<String> tag = r.optionalString("tag");
        Optional<String> feature = r.optionalString("feature");
        Optional<String> scenario = r.optionalString("scenario");
        Optional<String> run = r.optionalString("run");
        r.rejectUnknownKeys();
        if (!r.has("tag") && !r.has("feature") && !r.has("scenario")) {
            r.problem("names no scenario: give a tag, a feature, a scenario or several");
            return Optional.empty();
        }
        if (tag.isPresent()) {
            String t = tag.get();
            String bare = t.startsWith("@") ? t.substring(1) : t;
            if (bare.isEmpty()
                    || bare.contains("@")
                    || bare.chars().anyMatch(Character::isWhitespace)) {
                r.problem(
                        "tag",
                        Quote.value(t) + " is not a Cucumber tag (no spaces, one leading '@')");
                return Optional.empty();
            }
        }
        if (r.doc().hasProblemWithin(r.path())) {
            return Optional.empty();
        }
        return Optional.of(new ScenarioRef(tag, feature, scenario, run));
    }
}
