package org.clinval.app.model;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Input images of predict/explain: DICOM files, or a generated phantom study. */
final class ImageInput {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--input",
                arity = "1..*",
                paramLabel = "DICOM",
                description =
                        "DICOM files, each one image: grey-scale (CT, MR, CR/DX, MONOCHROME1 read as its inverse) or colour (RGB, YBR_FULL, YBR_FULL_422).")
        List<Path> files;

        @ArgGroup(exclusive = false, heading = "Phantom input:%n")
        PhantomInput phantom;
    }

    /** Returns the DICOM files, or null when the input is a phantom study. */
    List<Path> files() {
        return source.files;
    }

    /** Returns the phantom study, or null when the input is DICOM files. */
    PhantomInput phantom() {
        return source.phantom;
    }
}
