package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinval.common.Quote;
import org.clinval.common.yaml.YamlMap;
import org.clinval.common.yaml.YamlValue;
import org.clinval.risk.Requirement;

/**
 * Reads the requirements file. Bad entries are recorded as problems and left out; the ids are kept
 * even when a requirement is otherwise bad, so that the register's references to requirements are
 * still checked in the same pass. The result is used only when the files have no problem at all.
 */
final class RequirementsParser {

    final Set<String> ids = new LinkedHashSet<>();
    final List<Requirement> requirements = new ArrayList<>();
    boolean present;

    static RequirementsParser parse(YamlMap root) {
        RequirementsParser p = new RequirementsParser();
        p.requirements(root);
        return p;
    }

    private void requirements(YamlMap root) {
        Optional<List<YamlValue>> items = root.list("requirements", true);
        root.rejectUnknownKeys();
        if (items.isEmpty()) {
            return;
        }
        present = true;
        if (items.get().isEmpty()) {
            root.problem("requirements", "lists no requirement");
            return;
        }
        for (YamlValue v : items.get()) {
            v.asMap().ifPresent(this::requirement);
        }
    }

    private void requirement(YamlMap e) {
        Optional<String> id = Ids.id(e, "id");
        Optional<String> text = e.string("text");
        Optional<String> source = e.string("source");
        Refs.Listed verifiedBy = Refs.verification(e, "verified_by");
        e.rejectUnknownKeys();
        if (id.isPresent() && !ids.add(id.get())) {
            e.problem("id", Quote.value(id.get()) + " is a requirement already");
            return;
        }
        if (id.isPresent() && text.isPresent() && source.isPresent()) {
            requirements.add(
                    new Requirement(
                            id.get(),
                            text.get(),
                            source.get(),
                            verifiedBy.scenarios(),
                            verifiedBy.records()));
        }
    }
}
