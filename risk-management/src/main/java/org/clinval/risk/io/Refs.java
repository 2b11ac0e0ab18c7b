package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Quote;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.VerificationRecord;

/**
 * Reads lists of scenario references, {@code {tag, feature, scenario, run}}, and the verification
 * lists of a control, where an entry with a {@code record} key cites a signed record instead:
 * {@code {record, sha256, kind, title, signed_by, signed_on}}.
 */
final class Refs {

    /** The keys of a scenario reference. */
    static final List<String> SCENARIO_KEYS = List.of("tag", "feature", "scenario", "run");

    /**
     * The entries of a verification list.
     *
     * @param scenarios the scenario references, in file order
     * @param records the cited records, in file order
     */
    record Listed(List<ScenarioRef> scenarios, List<VerificationRecord> records) {}

    private Refs() {}

    /**
     * Reads the optional verification list {@code key} of {@code m}, absent meaning none: scenario
     * references and, where an entry has a {@code record} key, cited records. Bad entries are
     * recorded as problems and left out.
     */
    static Listed verification(YamlMap m, String key) {
        List<ScenarioRef> scenarios = new ArrayList<>();
        List<VerificationRecord> records = new ArrayList<>();
        for (YamlValue v : m.list(key, false).orElse(List.of())) {
            Optional<YamlMap> e = v.asMap();
            if (e.isEmpty()) continue;
            if (e.get().has("record")) {
                RecordEntries.read(e.get()).ifPresent(records::add);
            } else {
                for (String k : RecordEntries.KEYS) {
                    if (e.get().has(k)) {
                        e.get().raw(k);
                        e.get()
                                .problem(
                                        k,
                                        "belongs to a record entry, and this entry names no"
                                                + " record: add record (the file) or leave "
                                                + k
                                                + " out");
                    }
                }
                one(e.get()).ifPresent(scenarios::add);
            }
        }
        return new Listed(scenarios, records);
    }

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
