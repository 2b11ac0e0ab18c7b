package org.clinval.app.dicom;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval dicom}: look at DICOM files. */
@Command(
        name = "dicom",
        description =
                "Work with DICOM files: print what they hold, de-identify them, scan them for PHI.",
        subcommands = {DicomInfoCommand.class, DeidCommand.class, PhiScanCommand.class})
public final class DicomCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval dicom info FILE'");
    }
}
