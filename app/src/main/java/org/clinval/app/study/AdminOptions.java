package org.clinval.app.study;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The administrator who signs an act. */
final class AdminOptions {
    @Option(
            names = "--admin",
            paramLabel = "ID",
            description = "The administrator (group admin) who signs this act.")
    String admin;

    @Option(
            names = "--admin-password-file",
            paramLabel = "F",
            description =
                    "File whose first line is the administrator's password, readable by its"
                            + " owner only (default: prompt).")
    Path adminPasswordFile;
}
