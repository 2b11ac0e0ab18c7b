package org.clinval.app.dicom;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval dicom}: commands on DICOM files. */
@Command(
        name = "dicom",
        description = "Work with DICOM files: de-identify them, scan them for PHI.",
        subcommands = {DeidCommand.class, PhiScanCommand.class})
public final class DicomCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required, e.g. 'clinval dicom phi-scan'");
    }
}
