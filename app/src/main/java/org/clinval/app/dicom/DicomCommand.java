package org.clinval.app.dicom;

import org.clinval.app.cli.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval dicom}: look at DICOM files. */
@Subcommands({DicomInfoCommand.class, DeidCommand.class, PhiScanCommand.class})
@Command(
        name = "dicom",
        description =
                "Work with DICOM files: print what they hold, de-identify them, scan them for PHI.")
public final class DicomCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval dicom info FILE'");
    }
}
