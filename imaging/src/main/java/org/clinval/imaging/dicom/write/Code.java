package org.clinval.imaging.dicom.write;

/**
 * A coded concept (PS3.3 §8.8): code value, coding scheme designator and code meaning, e.g. {@code
 * Code.dcm("121071", "Finding")} or a SNOMED CT concept {@code new Code("27925004", "SCT",
 * "Nodule")}.
 *
 * @param value the code value, at most 16 characters (longer values need Long Code Value)
 * @param scheme the coding scheme designator, e.g. {@code DCM}, {@code SCT}, {@code 99CLINVAL}
 * @param meaning the human-readable code meaning, at most 64 characters
 */
public record Code(String value, String scheme, String meaning) {

    /** The project's private coding scheme designator (PS3.16 §8: local schemes start with 99). */
    public static final String LOCAL_SCHEME = "99CLINVAL";

    public Code {
        value = check("code value", value, 16);
        scheme = check("coding scheme designator", scheme, 16);
        meaning = check("code meaning", meaning, 64);
    }

    /** Returns a concept of the DICOM Controlled Terminology (PS3.16), scheme {@code DCM}. */
    public static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    /** Returns a concept of the project's local scheme {@value #LOCAL_SCHEME}. */
    public static Code local(String value, String meaning) {
        return new Code(value, LOCAL_SCHEME, meaning);
    }

    private static String check(String what, String s, int max) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        if (s.length() > max || s.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    what + " is longer than " + max + " characters or has a backslash: " + s);
        }
        return s.strip();
    }
}
