package org.clinval.imaging.dicom.write;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the slices of one CT series share: patient and study, series identity, body part, the
 * modality LUT that maps stored values to Hounsfield units, and the equipment. Built with {@link
 * #builder()}.
 *
 * <p>Stored values are signed 16-bit integers {@code s = round((hu - intercept) / slope)}; a reader
 * gets {@code hu = s * slope + intercept} back (PS3.3 §C.11.1, Modality LUT). With the default
 * slope 1 and intercept 0 every HU in {@code [-32768, 32767]} is stored exactly after rounding; a
 * slope of 0.1 keeps a tenth of a HU over {@code [-3276.8, 3276.7]}.
 */
public final class CtSeries {

    private final PatientStudy study;
    private final String seriesInstanceUid;
    private final String frameOfReferenceUid;
    private final int seriesNumber;
    private final String seriesDescription;
    private final String bodyPartExamined;
    private final String patientPosition;
    private final double rescaleSlope;
    private final double rescaleIntercept;
    private final OptionalDouble kvp;
    private final Optional<double[]> window;
    private final String manufacturer;
    private final String modelName;
    private final String stationName;
    private final String convolutionKernel;
    private final Optional<IdentifyingDetails> identifying;

    private CtSeries(Builder b) {
        study = b.study;
        seriesInstanceUid = b.seriesInstanceUid;
        frameOfReferenceUid = b.frameOfReferenceUid;
        seriesNumber = b.seriesNumber;
        seriesDescription = b.seriesDescription;
        bodyPartExamined = b.bodyPartExamined;
        patientPosition = b.patientPosition;
        rescaleSlope = b.rescaleSlope;
        rescaleIntercept = b.rescaleIntercept;
        kvp = b.kvp;
        window = b.window;
        manufacturer = b.manufacturer;
        modelName = b.modelName;
        stationName = b.stationName;
        convolutionKernel = b.convolutionKernel;
        identifying = b.identifying;
    }

    public String stationName() {
        return stationName;
    }

    public String convolutionKernel() {
        return convolutionKernel;
    }

    /** Returns the identifying attributes to write, if this series stands for an exported study. */
    public Optional<IdentifyingDetails> identifying() {
        return identifying;
    }

    /** Returns a builder; study, series UID, frame of reference UID and body part are required. */
    public static Builder builder() {
        return new Builder();
    }

    public PatientStudy study() {
        return study;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    public int seriesNumber() {
        return seriesNumber;
    }

    public String seriesDescription() {
        return seriesDescription;
    }

    public String bodyPartExamined() {
        return bodyPartExamined;
    }

    public String patientPosition() {
        return patientPosition;
    }

    public double rescaleSlope() {
        return rescaleSlope;
    }

    public double rescaleIntercept() {
        return rescaleIntercept;
    }

    public OptionalDouble kvp() {
        return kvp;
    }

    /** Returns the default display window {@code [centre, width]}, if any. */
    public Optional<double[]> window() {
        return window.map(double[]::clone);
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String modelName() {
        return modelName;
    }

    /** Returns the SOP Instance UID of slice {@code instanceNumber}, derived from the series. */
    public String sopInstanceUid(int instanceNumber) {
        return Uids.derive(seriesInstanceUid, "ct-image", Integer.toString(instanceNumber));
    }

    /** Builder of {@link CtSeries}: {@code setX} for required values, {@code optX} for others. */
    public static final class Builder {
        private PatientStudy study;
        private String seriesInstanceUid;
        private String frameOfReferenceUid;
        private int seriesNumber = 1;
        private String seriesDescription = "";
        private String bodyPartExamined;
        private String patientPosition = "HFS";
        private double rescaleSlope = 1;
        private double rescaleIntercept = 0;
        private OptionalDouble kvp = OptionalDouble.empty();
        private Optional<double[]> window = Optional.empty();
        private String manufacturer = "clinval";
        private String modelName = "";
        private String stationName = "";
        private String convolutionKernel = "";
        private Optional<IdentifyingDetails> identifying = Optional.empty();

        private Builder() {}

        public Builder setStudy(PatientStudy study) {
            this.study = Objects.requireNonNull(study, "study");
            return this;
        }

        public Builder setSeriesInstanceUid(String uid) {
            this.seriesInstanceUid = uid(uid, "series instance UID");
            return this;
        }

        public Builder setFrameOfReferenceUid(String uid) {
            this.frameOfReferenceUid = uid(uid, "frame of reference UID");
            return this;
        }

        /** Body Part Examined (PS3.16 Annex L), e.g. {@code CHEST}, {@code HEAD}. */
        public Builder setBodyPartExamined(String bodyPart) {
            if (bodyPart == null || !bodyPart.matches("[A-Z0-9_ ]{1,16}")) {
                throw new IllegalArgumentException(
                        "body part is not 1-16 upper-case letters, digits or _: " + bodyPart);
            }
            this.bodyPartExamined = bodyPart;
            return this;
        }

        public Builder optSeriesNumber(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("series number is not positive: " + n);
            }
            this.seriesNumber = n;
            return this;
        }

        public Builder optSeriesDescription(String d) {
            if (d == null || d.length() > 64 || d.indexOf('\\') >= 0) {
                throw new IllegalArgumentException(
                        "series description is longer than 64 characters or has a backslash: " + d);
            }
            this.seriesDescription = d;
            return this;
        }

        /** Patient Position, e.g. {@code HFS} (the default), {@code FFS}, {@code HFP}. */
        public Builder optPatientPosition(String p) {
            if (p == null || !p.matches("(HF|FF)(S|P|DR|DL)")) {
                throw new IllegalArgumentException("patient position is not a CT position: " + p);
            }
            this.patientPosition = p;
            return this;
        }

        /** The modality LUT: {@code hu = stored * slope + intercept}. Default 1 and 0. */
        public Builder optRescale(double slope, double intercept) {
            if (!(slope > 0) || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
                throw new IllegalArgumentException(
                        "rescale slope must be positive and both finite: slope "
                                + slope
                                + ", intercept "
                                + intercept);
            }
            this.rescaleSlope = slope;
            this.rescaleIntercept = intercept;
            return this;
        }

        public Builder optKvp(double kvp) {
            if (!(kvp > 0) || !Double.isFinite(kvp)) {
                throw new IllegalArgumentException("kVp is not a positive number: " + kvp);
            }
            this.kvp = OptionalDouble.of(kvp);
            return this;
        }

        /** Default display window in HU, e.g. 40 and 400 for soft tissue. */
        public Builder optWindow(double centre, double width) {
            if (!Double.isFinite(centre) || !(width >= 1) || !Double.isFinite(width)) {
                throw new IllegalArgumentException(
                        "window needs a finite centre and a width >= 1: " + centre + ", " + width);
            }
            this.window = Optional.of(new double[] {centre, width});
            return this;
        }

        public Builder optEquipment(String manufacturer, String modelName) {
            this.manufacturer = Objects.requireNonNull(manufacturer, "manufacturer");
            this.modelName = Objects.requireNonNull(modelName, "model name");
            return this;
        }

        /** Station Name and Convolution Kernel, which subgroup and drift analyses read. */
        public Builder optAcquisition(String stationName, String convolutionKernel) {
            this.stationName = Objects.requireNonNull(stationName, "station name");
            this.convolutionKernel =
                    Objects.requireNonNull(convolutionKernel, "convolution kernel");
            return this;
        }

        /**
         * Writes identifying attributes as an exported clinical image has them (for phantom
         * studies, whose synthetic values are PHI canaries). The study must then not be marked
         * synthetic: these files are meant to look identified.
         */
        public Builder optIdentifyingDetails(IdentifyingDetails details) {
            this.identifying = Optional.of(Objects.requireNonNull(details, "identifying details"));
            return this;
        }

        /** Returns the series; fails naming the first missing required value. */
        public CtSeries build() {
            if (study == null) {
                throw new IllegalArgumentException("CT series: study is required");
            }
            if (seriesInstanceUid == null) {
                throw new IllegalArgumentException("CT series: series instance UID is required");
            }
            if (frameOfReferenceUid == null) {
                throw new IllegalArgumentException("CT series: frame of reference UID is required");
            }
            if (bodyPartExamined == null) {
                throw new IllegalArgumentException("CT series: body part examined is required");
            }
            if (identifying.isPresent() && study.synthetic()) {
                throw new IllegalArgumentException(
                        "CT series: identifying details on a study marked synthetic (identity removed)");
            }
            return new CtSeries(this);
        }

        private static String uid(String uid, String what) {
            if (uid == null || !Uids.isValid(uid)) {
                throw new IllegalArgumentException(what + " is not a valid UID: " + uid);
            }
            return uid;
        }
    }
}
