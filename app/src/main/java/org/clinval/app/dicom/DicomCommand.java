package org.clinval.app.dicom;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clinval dicom}: look at DICOM files. */
@Command(
        name = "dicom",
        description = "Read DICOM files and print what they hold as JSON.",
        subcommands = {DicomInfoCommand.class})
public final class DicomCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval dicom info FILE'");
    }
}
