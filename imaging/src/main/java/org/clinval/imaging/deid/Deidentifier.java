package org.clinval.imaging.deid;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.deid.internal.BasicProfile;
import org.clinval.imaging.deid.internal.PhiRules;
import org.clinval.imaging.dicom.write.internal.Attrs;
import org.clinval.imaging.dicom.write.internal.DicomFiles;

/**
 * De-identifies DICOM files by the PS3.15 Annex E Basic Application Level Confidentiality Profile
 * with the Clean Descriptors and Clean Structured Content options and the {@link DeidOption
 * options} asked for:
 *
 * <ul>
 *   <li>identifying attributes removed, emptied or given dummy values as Table E.1-1 says, at every
 *       depth; dates and times removed (Longitudinal Temporal Information Modified {@code
 *       REMOVED});
 *   <li>free text cleaned: every value of a text VR (LO, LT, ST, UT, SH, PN, UC) anywhere,
 *       structured-report content and nested sequences included, replaced by {@code REMOVED} unless
 *       the keep-list of {@code TextRules} keeps it (codes, Rescale Type, Convolution Kernel, and
 *       what a chosen option retains); each Code Meaning replaced by its code; the names, texts and
 *       dates of content items given dummies;
 *   <li>every UID not defined by the standard replaced by {@link UidRemapper} under the caller's
 *       key: the same in every file, so a study de-identified file by file stays one study;
 *   <li>all private attributes, overlays and curves removed;
 *   <li>the caller's {@link Pseudonym} as Patient ID and Patient's Name;
 *   <li>Specific Character Set removed when no text outside ASCII remains;
 *   <li>Patient Identity Removed {@code YES}, De-identification Method and its code sequence
 *       (113100 Basic Profile, 113104 Clean Structured Content, 113105 Clean Descriptors, and each
 *       option's code).
 * </ul>
 *
 * <p>Pixels are not cleaned: a file whose Burned In Annotation is {@code YES} is refused or flagged
 * by the {@link BurnedInPolicy}, never passed silently. A DICOMDIR is refused (its records repeat
 * patient data; make a new one from the de-identified files). For a run over many patients, {@link
 * DeidPlan} gives each file its patient's pseudonym and an output name free of the input's.
 */
public final class Deidentifier {

    private static final String DICOMDIR_CLASS = "1.2.840.10008.1.3.10";

    private final UidRemapper uids;
    private final Set<DeidOption> options;
    private final BurnedInPolicy burnedIn;

    private Deidentifier(Builder b) {
        uids = b.uids;
        options = b.options.isEmpty() ? Set.of() : Set.copyOf(b.options);
        burnedIn = b.burnedIn;
    }

    /** Returns a builder; the UID key is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the UID remapper, to map references kept outside DICOM (e.g. a case manifest). */
    public UidRemapper uids() {
        return uids;
    }

    /** Returns the options applied. */
    public Set<DeidOption> options() {
        return options;
    }

    /**
     * Returns a keyed fingerprint of the patient of {@code file} (Patient ID and its issuer), to
     * tell whether files belong to one patient without handling the ID itself.
     */
    public String patientFingerprint(Path file) throws ImagingException {
        AttributeList l = DicomFiles.read(file);
        return uids.fingerprint(
                Attrs.string(l, "PatientID").strip()
                        + "\0"
                        + Attrs.string(l, "IssuerOfPatientID").strip());
    }

    /**
     * De-identifies {@code in} into {@code out} (which may be the same path).
     *
     * @throws ImagingException if {@code in} cannot be read, is a DICOMDIR, has burned-in
     *     annotation under {@link BurnedInPolicy#REFUSE}, or {@code out} cannot be written; the
     *     message names the file and never contains a PHI value
     */
    public DeidResult deidentify(Path in, Path out, Pseudonym pseudonym) throws ImagingException {
        Objects.requireNonNull(pseudonym, "pseudonym");
        AttributeList list = DicomFiles.read(in);
        String sopClass = Attrs.string(list, "SOPClassUID").strip();
        if (Attrs.string(list, "MediaStorageSOPClassUID").strip().equals(DICOMDIR_CLASS)) {
            sopClass = DICOMDIR_CLASS;
        }
        if (sopClass.isEmpty()) {
            throw new ImagingException(
                    in + ": has no SOP Class UID: not a composite instance, not de-identified");
        }
        if (sopClass.equals(DICOMDIR_CLASS)) {
            throw new ImagingException(
                    in + ": a DICOMDIR is not de-identified; make a new one from the output");
        }
        boolean burned = Attrs.string(list, "BurnedInAnnotation").strip().equals("YES");
        if (burned && burnedIn == BurnedInPolicy.REFUSE) {
            throw new ImagingException(
                    in
                            + ": Burned In Annotation is YES: the pixels may show identifying"
                            + " text, which this de-identification does not clean; not written");
        }
        List<String> warnings = new ArrayList<>();
        boolean unknownBurnedIn =
                !burned
                        && PhiRules.findings(list).stream()
                                .anyMatch(f -> f.kind() == PhiKind.BURNED_IN_ANNOTATION_UNKNOWN);
        try {
            warnings.addAll(BasicProfile.apply(list, uids, pseudonym, options));
        } catch (DicomException | RuntimeException e) {
            throw new ImagingException(in + ": cannot de-identify: " + e.getMessage(), e);
        }
        if (burned) {
            warnings.add("Burned In Annotation is YES: pixels not cleaned");
        }
        if (unknownBurnedIn) {
            warnings.add(
                    "Burned In Annotation not given for a kind of image that often carries"
                            + " burned-in text: check the pixels");
        }
        DicomFiles.write(list, out);
        return new DeidResult(
                out,
                Attrs.string(list, "SOPInstanceUID").strip(),
                Attrs.string(list, "StudyInstanceUID").strip(),
                burned,
                warnings);
    }

    /** Builder of {@link Deidentifier}: {@code setX} for required values, {@code optX} others. */
    public static final class Builder {
        private UidRemapper uids;
        private final Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
        private BurnedInPolicy burnedIn = BurnedInPolicy.REFUSE;

        private Builder() {}

        /** The secret key of the UID remapping, at least 16 bytes; keep it to map runs alike. */
        public Builder setUidKey(byte[] key) {
            this.uids = new UidRemapper(key);
            return this;
        }

        public Builder optOption(DeidOption option) {
            options.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        public Builder optBurnedInPolicy(BurnedInPolicy policy) {
            this.burnedIn = Objects.requireNonNull(policy, "burned-in policy");
            return this;
        }

        /** Returns the de-identifier; fails if the UID key was not set. */
        public Deidentifier build() {
            if (uids == null) {
                throw new IllegalArgumentException("de-identification: a UID key is required");
            }
            return new Deidentifier(this);
        }
    }
}
