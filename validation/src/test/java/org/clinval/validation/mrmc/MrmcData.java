package org.clinval.validation.mrmc;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.clinval.validation.Direction;

/** The reference studies under {@code reference/mrmc/}. */
final class MrmcData {

    private MrmcData() {}

    static Path resource(String name) {
        try {
            return Path.of(MrmcData.class.getResource("/reference/mrmc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** iMRMC's R package test input: fully crossed, 5 readers, 40 + 40 cases, testA, testB. */
    static ReaderStudy imrmcR2() throws MrmcFormatException {
        return MrmcFiles.readImrmc(resource("imrmc_doIMRMC_R2_input.imrmc"), Direction.HIGHER);
    }

    /** Van Dyke et al. 1993: 5 readers, 69 + 45 cases, 2 modalities (cine MRI, spin-echo MRI). */
    static ReaderStudy vanDyke() throws MrmcFormatException {
        return MrmcFiles.readImrmc(resource("vandyke.imrmc"), Direction.HIGHER);
    }
}
