package org.clinval.workflows.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password stored only as a salted slow hash: PBKDF2-HMAC-SHA256 (RFC 8018) from the JDK, a
 * random 16-byte salt per user and 600,000 iterations by default (the OWASP 2023 figure for this
 * function). Comparison takes the same time whatever the first differing byte.
 *
 * <p>Text form: {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}.
 *
 * @param iterations iteration count
 * @param salt the salt
 * @param hash the derived 256-bit key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** Default iteration count. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** Fewest iterations accepted when a password is set. */
    public static final int MINIMUM_ITERATIONS = 100_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a new random salt and the default iteration count. */
    public static PasswordHash create(char[] password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes {@code password} with a new random salt.
     *
     * @throws IllegalArgumentException if the password is shorter than 8 characters or {@code
     *     iterations} is below {@link #MINIMUM_ITERATIONS}
     */
    public static PasswordHash create(char[] password, int iterations) {
        if (password.length < 8) {
            throw new IllegalArgumentException(
                    "password is too short: " + password.length + " characters, need at least 8");
        }
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException(
                    "PBKDF2 iteration count is below " + MINIMUM_ITERATIONS + ": " + iterations);
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Returns whether {@code password} is the hashed password, in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Returns the text form. */
    public String encode() {
        Base64.Encoder b = Base64.getEncoder().withoutPadding();
        return PREFIX
                + "$"
                + iterations
                + "$"
                + b.encodeToString(salt)
                + "$"
                + b.encodeToString(hash);
    }

    /** Parses the text form, naming the bad value. */
    public static PasswordHash decode(String text) {
        String[] p = text.split("\\$");
        try {
            if (p.length != 4 || !p[0].equals(PREFIX)) {
                throw new IllegalArgumentException("not " + PREFIX + "$iterations$salt$hash");
            }
            Base64.Decoder b = Base64.getDecoder();
            return new PasswordHash(Integer.parseInt(p[1]), b.decode(p[2]), b.decode(p[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "password hash is not valid (" + e.getMessage() + "): " + shorten(text));
        }
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash h
                && h.iterations == iterations
                && Arrays.equals(h.salt, salt)
                && Arrays.equals(h.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return PREFIX + "$" + iterations + "$…";
    }
}
