package org.clinval.app.cli;

import java.io.PrintWriter;
import java.util.logging.Logger;

/**
 * A process like a real run, where JUL starts only when a library first logs through it, after
 * clinval's entry point: prints the command's summary line on stdout. Run by {@link LogsTest}.
 */
public final class JulChild {

    private JulChild() {}

    public static void main(String[] args) {
        Logs.configureJulLazily();
        Logs.start("jul child", false, new PrintWriter(System.err, true));
        Logger.getLogger("io.cucumber.core.Plugin").warning("from jul");
        System.out.println(Logs.finish().orElse("nothing logged"));
    }
}
