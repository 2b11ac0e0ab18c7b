package org.clinval.risk.io;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of the files being read, each with the file it belongs to. */
final class Problems {

    private final List<Problem> all = new ArrayList<>();

    /** A sink of problems for one file. */
    Sink in(String file) {
        return (path, message) -> all.add(new Problem(file, path, message));
    }

    List<Problem> all() {
        return List.copyOf(all);
    }

    /** Where the problems of one file go. */
    interface Sink {
        void add(String path, String message);
    }
}
