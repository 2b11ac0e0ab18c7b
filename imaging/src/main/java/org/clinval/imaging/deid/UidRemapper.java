package org.clinval.imaging.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clinval.imaging.dicom.write.Uids;

/**
 * Replaces UIDs consistently: {@code 2.25.<n>} with {@code n} from HMAC-SHA256 of the original UID
 * under a secret key (made a version-8 UUID, see {@link Uids#fromUuidBytes}). The same key maps the
 * same UID to the same replacement in every file, every run and every process, so a study stays a
 * study and references between objects (Source Image Sequence, Referenced SOP Instance UID) still
 * resolve. Without the key the mapping cannot be reversed or recomputed from a guessed original.
 *
 * <p>UIDs defined by the standard (root {@code 1.2.840.10008.}: SOP classes, transfer syntaxes,
 * coding schemes) are kept.
 */
public final class UidRemapper {

    /** Shortest key accepted, in bytes (128 bits). */
    public static final int MIN_KEY_BYTES = 16;

    private static final String STANDARD_ROOT = "1.2.840.10008.";

    private final SecretKeySpec key;

    /**
     * Returns a remapper with {@code key}.
     *
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public UidRemapper(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "UID key has "
                            + (key == null ? 0 : key.length)
                            + " bytes, fewer than "
                            + MIN_KEY_BYTES);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
    }

    /** Returns the replacement of {@code uid}, or {@code uid} itself if the standard defines it. */
    public String remap(String uid) {
        String u = uid.strip();
        if (u.isEmpty() || u.startsWith(STANDARD_ROOT)) {
            return u;
        }
        return Uids.fromUuidBytes(hmac(u));
    }

    /** Returns a keyed, non-reversible fingerprint of {@code text}, 16 hexadecimal digits. */
    public String fingerprint(String text) {
        byte[] h = hmac("fingerprint\0" + text);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(String.format("%02x", h[i]));
        }
        return s.toString();
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
