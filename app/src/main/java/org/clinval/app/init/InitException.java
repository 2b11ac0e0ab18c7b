package org.clinval.app.init;

import java.util.List;

/** The inputs of {@code clinval init} cannot make a study: every problem, one line each. */
final class InitException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InitException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, each one line. */
    List<String> problems() {
        return problems;
    }
}
