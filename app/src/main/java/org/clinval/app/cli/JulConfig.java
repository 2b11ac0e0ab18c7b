package org.clinval.app.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * JUL's configuration for the command line, named by {@link Logs#configureJulLazily()} in the
 * {@code java.util.logging.config.class} property: JUL reads it when a library first logs through
 * JUL, and its one handler is {@link JulBridge}. Starting JUL at every command instead cost a
 * search of every jar of the class path for a {@code System.LoggerFinder}.
 */
public final class JulConfig {

    /** Called by JUL's {@link LogManager} as it starts, as its documentation describes. */
    public JulConfig() throws IOException {
        String config = "handlers = " + JulBridge.class.getName() + "\n";
        LogManager.getLogManager()
                .readConfiguration(
                        new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    }
}
