package org.clinval.imaging.model;

import java.util.List;

/** A model descriptor with problems; the message and {@link #problems()} list every one. */
public final class InvalidDescriptorException extends ModelLoadException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidDescriptorException(String source, List<String> problems) {
        super(
                "invalid model descriptor "
                        + source
                        + " ("
                        + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems")
                        + "): "
                        + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem found, one message each. */
    public List<String> problems() {
        return problems;
    }
}
