package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinval.risk.Requirement;
import org.clinval.risk.ScenarioRef;

/**
 * Reads the requirements file. Bad entries are recorded as problems and left out; the ids are kept
 * even when a requirement is otherwise bad, so that the register's references to requirements are
 * still checked in the same pass. The result is used only when the files have no problem at all.
 */
final class RequirementsParser {

    final Set<String> ids = new LinkedHashSet<>();
    final List<Requirement> requirements = new ArrayList<>();
    boolean present;

    static RequirementsParser parse(Object root, Problems.Sink problems) {
        RequirementsParser p = new RequirementsParser();
        YamlMap.of("", root, problems).ifPresent(r -> p.requirements(r, problems));
        return p;
    }

    private void requirements(YamlMap root, Problems.Sink problems) {
        Optional<List<Object>> items = root.list("requirements", true);
        root.rejectUnknownKeys();
        if (items.isEmpty()) {
            return;
        }
        present = true;
        if (items.get().isEmpty()) {
            root.problem("requirements", "lists no requirement");
            return;
        }
        for (int i = 0; i < items.get().size(); i++) {
            YamlMap.of("requirements[" + i + "]", items.get().get(i), problems)
                    .ifPresent(e -> requirement(e, problems));
        }
    }

    private void requirement(YamlMap e, Problems.Sink problems) {
        Optional<String> id = e.string("id").flatMap(v -> Ids.check(e.path("id"), v, problems));
        Optional<String> text = e.string("text");
        Optional<String> source = e.string("source");
        List<ScenarioRef> verifiedBy = Refs.list(e, "verified_by");
        e.rejectUnknownKeys();
        if (id.isPresent() && !ids.add(id.get())) {
            e.problem("id", "'" + id.get() + "' is a requirement already");
            return;
        }
        if (id.isPresent() && text.isPresent() && source.isPresent()) {
            requirements.add(new Requirement(id.get(), text.get(), source.get(), verifiedBy));
        }
    }
}
