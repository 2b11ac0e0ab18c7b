package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A protocol that cannot be used, with every problem found in it. */
public final class InvalidProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<ProtocolProblem> problems;

    public InvalidProtocolException(Path file, List<ProtocolProblem> problems) {
        super(message(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    private static String message(Path file, List<ProtocolProblem> problems) {
        return file
                + ": "
                + problems.size()
                + (problems.size() == 1 ? " problem: " : " problems: ")
                + problems.stream().map(ProtocolProblem::inFile).collect(Collectors.joining("; "));
    }

    /** Returns the protocol file. */
    public Path file() {
        return file;
    }

    /** Returns every problem, in the order of the file. */
    public List<ProtocolProblem> problems() {
        return problems;
    }
}
