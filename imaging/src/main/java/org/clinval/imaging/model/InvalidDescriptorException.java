package org.clinval.imaging.model;

import java.util.List;
import org.clinval.common.yaml.YamlProblem;

/** A model descriptor with problems; the message and {@link #problems()} list every one. */
public final class InvalidDescriptorException extends ModelLoadException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final transient List<YamlProblem> details;

    public InvalidDescriptorException(String source, List<YamlProblem> details) {
        super(
                "invalid model descriptor "
                        + source
                        + " ("
                        + details.size()
                        + (details.size() == 1 ? " problem" : " problems")
                        + "): "
                        + String.join("; ", details.stream().map(YamlProblem::inFile).toList()));
        this.details = List.copyOf(details);
        this.problems = details.stream().map(InvalidDescriptorException::text).toList();
    }

    private static String text(YamlProblem p) {
        return p.path().isEmpty() ? p.what() : p.path() + ": " + p.what();
    }

    /** Returns every problem found, as {@code path: what}. */
    public List<String> problems() {
        return problems;
    }

    /** Returns every problem found, with where (file, line, column, path) and what. */
    public List<YamlProblem> details() {
        return details;
    }
}
