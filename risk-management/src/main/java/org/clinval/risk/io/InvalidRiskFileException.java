package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Risk management files that cannot be used, with every problem found in them. */
public final class InvalidRiskFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidRiskFileException(List<Problem> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid file needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Returns e.g. {@code 2 problems in plan.yaml: a: …; b: …; 1 problem in risk-file.yaml: …}. */
    private static String message(List<Problem> problems) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        problems.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        List<String> parts = new ArrayList<>();
        byFile.forEach(
                (file, list) ->
                        parts.add(
                                list.size()
                                        + (list.size() == 1 ? " problem in " : " problems in ")
                                        + file
                                        + ": "
                                        + list.stream()
                                                .map(
                                                        p ->
                                                                p.path().isEmpty()
                                                                        ? p.message()
                                                                        : p.path()
                                                                                + ": "
                                                                                + p.message())
                                                .collect(Collectors.joining("; "))));
        return String.join("; ", parts);
    }

    /** Returns every problem: the plan's, then the requirements', then the register's. */
    public List<Problem> problems() {
        return problems;
    }
}
