package org.clinval.app.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.clinval.app.Main;

/** Runs the command line in-process and captures what it prints. */
public final class Cli {

    /** Exit code, stdout and stderr of one run. */
    public record Result(int exit, String out, String err) {}

    private Cli() {}

    /** Runs {@code clinval args...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }
}
