package org.clinval.reports.pdf;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates PDF/A conformance with veraPDF, the PDF Association's reference validator. */
public final class PdfA {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {}

    /** Returns the failed checks of {@code pdf} against {@code flavour}, one line each. */
    public static List<String> failures(Path pdf, PDFAFlavour flavour) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
                PDFAValidator validator =
                        Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed =
                    result.getTestAssertions().stream()
                            .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                            .map(
                                    a ->
                                            a.getRuleId().getSpecification()
                                                    + " "
                                                    + a.getRuleId().getClause()
                                                    + "-"
                                                    + a.getRuleId().getTestNumber()
                                                    + ": "
                                                    + a.getMessage()
                                                    + " at "
                                                    + a.getLocation().getContext())
                            .distinct()
                            .toList();
            if (!result.isCompliant() && failed.isEmpty()) {
                return List.of(
                        "not compliant, no failed assertion reported: " + result.getJobEndStatus());
            }
            return failed;
        }
    }
}
