package org.clinval.imaging.dicom.write;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Deterministic DICOM UIDs: the same parts always give the same UID, so re-running a generator with
 * the same seed and ids writes byte-identical files.
 *
 * <p>A UID is {@code 2.25.} followed by the decimal value of a 128-bit UUID (ISO/IEC 9834-8, the
 * form of PS3.5 §B.2). The UUID is the first 16 bytes of SHA-256 over the length-prefixed UTF-8
 * parts, with the version nibble set to 8 (custom, RFC 9562) and the variant bits to {@code 10}.
 * Length-prefixing keeps {@code ("ab", "c")} and {@code ("a", "bc")} apart. The result has at most
 * 44 characters, below the 64 allowed.
 */
public final class Uids {

    private Uids() {}

    /**
     * Returns the UID derived from {@code parts}, e.g. {@code derive("study", caseId)}.
     *
     * @throws IllegalArgumentException if there are no parts or a part is null
     */
    public static String derive(String... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("a UID needs at least one part to derive it from");
        }
        MessageDigest sha = sha256();
        for (String p : parts) {
            if (p == null) {
                throw new IllegalArgumentException("a UID part is null");
            }
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
            sha.update(b);
        }
        return fromUuidBytes(sha.digest());
    }

    /**
     * Returns {@code 2.25.<n>} where {@code n} is the first 16 bytes of {@code digest} made a
     * version-8 UUID. Shared with the keyed remapping of de-identification.
     */
    public static String fromUuidBytes(byte[] digest) {
        if (digest.length < 16) {
            throw new IllegalArgumentException("need 16 bytes for a UUID, got " + digest.length);
        }
        byte[] u = java.util.Arrays.copyOf(digest, 16);
        u[6] = (byte) ((u[6] & 0x0f) | 0x80);
        u[8] = (byte) ((u[8] & 0x3f) | 0x80);
        return "2.25." + new BigInteger(1, u);
    }

    /** Returns whether {@code uid} is a syntactically valid UID (PS3.5 §9.1), at most 64 chars. */
    public static boolean isValid(String uid) {
        Objects.requireNonNull(uid, "uid");
        if (uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        for (String c : uid.split("\\.", -1)) {
            if (c.isEmpty() || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return false;
            }
            if (c.length() > 1 && c.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        return org.clinval.common.Sha256.digest();
    }
}
