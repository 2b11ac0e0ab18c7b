package org.clinval.common.sitekey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keystore of a site key: one JSON file, written with mode 600, outside every run folder.
 *
 * <pre>
 * {
 *   "format": "clinval-site-key/1",
 *   "algorithm": "Ed25519",
 *   "key_id": first 16 hex digits of the SHA-256 of the X.509 public key,
 *   "public_key": base64 X.509 (SubjectPublicKeyInfo),
 *   "kdf": "PBKDF2-HMAC-SHA256", "iterations": 600000, "salt": base64 (16 bytes),
 *   "cipher": "AES-256-GCM", "iv": base64 (12 bytes),
 *   "private_key": base64 AES-256-GCM ciphertext and tag of the PKCS#8 private key,
 *   "created": UTC instant
 * }
 * </pre>
 *
 * The AES key is derived from the passphrase with PBKDF2; the format, key id and public key are the
 * cipher's associated data, so a keystore whose public half was swapped does not open. Opening
 * refuses a file that group or others can read; the public key is readable without the passphrase
 * ({@link #publicKey}).
 */
public final class SiteKeyStore {

    /** The keystore format. */
    public static final String FORMAT = "clinval-site-key/1";

    /** PBKDF2 iterations of a new keystore (the OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;

    /** Fewest iterations a keystore may state. */
    public static final int MINIMUM_ITERATIONS = 100_000;

    /** Shortest passphrase accepted for a new keystore. */
    public static final int MINIMUM_PASSPHRASE = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SiteKeyStore() {}

    /**
     * Returns the default keystore: {@code $CLINVAL_KEYSTORE}, else {@code
     * $XDG_CONFIG_HOME/clinval/site-key.json}, else {@code ~/.config/clinval/site-key.json}.
     */
    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultLocation(Map<String, String> env, String home) {
        String explicit = env.get("CLINVAL_KEYSTORE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config =
                xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home).resolve(".config");
        return config.resolve("clinval").resolve("site-key.json");
    }

    /**
     * Creates a keystore with a new key; an existing file is never replaced. The passphrase array
     * is not cleared (the caller owns it).
     *
     * @throws SiteKeyException if the file exists or the passphrase is too short
     */
    public static SiteKey create(Path file, char[] passphrase)
            throws IOException, SiteKeyException {
        if (Files.exists(file)) {
            throw new SiteKeyException(
                    "the keystore " + file + " exists: a site key is never replaced");
        }
        if (passphrase.length < MINIMUM_PASSPHRASE) {
            throw new SiteKeyException(
                    "the passphrase is too short: "
                            + passphrase.length
                            + " characters, need at least "
                            + MINIMUM_PASSPHRASE);
        }
        SiteKey key = SiteKey.generate();
        byte[] salt = random(16);
        byte[] iv = random(12);
        byte[] pkcs8 = key.privateKey().getEncoded();
        String publicKey = Base64.getEncoder().encodeToString(key.publicKey().encoded());
        byte[] sealed;
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, passphrase, salt, ITERATIONS, iv);
            c.updateAAD(aad(key.keyId(), publicKey));
            sealed = c.doFinal(pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with AES-256-GCM", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("algorithm", PublicSiteKey.ALGORITHM);
        m.put("key_id", key.keyId());
        m.put("public_key", publicKey);
        m.put("kdf", "PBKDF2-HMAC-SHA256");
        m.put("iterations", ITERATIONS);
        m.put("salt", Base64.getEncoder().encodeToString(salt));
        m.put("cipher", "AES-256-GCM");
        m.put("iv", Base64.getEncoder().encodeToString(iv));
        m.put("private_key", Base64.getEncoder().encodeToString(sealed));
        m.put("created", Instant.now().toString());
        try {
            SecretFile.write(file, FlatJson.write(m).getBytes(StandardCharsets.UTF_8), true);
        } catch (FileAlreadyExistsException e) {
            throw new SiteKeyException(
                    "the keystore " + file + " exists: a site key is never replaced", e);
        }
        return key;
    }

    /**
     * Opens a keystore with its passphrase. The passphrase array is not cleared.
     *
     * @throws InsecureFileException if group or others may read or write the file
     * @throws SiteKeyException if the passphrase is wrong or the file is not a keystore
     */
    public static SiteKey open(Path file, char[] passphrase) throws IOException, SiteKeyException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(
                    file.toString(), null, "no keystore (create one with 'clinval keys init')");
        }
        SecretFile.requireOwnerOnly(file);
        Map<String, Object> m = read(file);
        PublicSiteKey publicKey = publicKey(file, m);
        long iterations = number(file, m, "iterations");
        if (iterations < MINIMUM_ITERATIONS || iterations > Integer.MAX_VALUE) {
            throw new SiteKeyException(
                    file
                            + ": iterations is not between "
                            + MINIMUM_ITERATIONS
                            + " and 2^31: "
                            + iterations);
        }
        byte[] pkcs8 = null;
        try {
            Cipher c =
                    cipher(
                            Cipher.DECRYPT_MODE,
                            passphrase,
                            bytes(file, m, "salt"),
                            (int) iterations,
                            bytes(file, m, "iv"));
            c.updateAAD(aad(publicKey.keyId(), text(file, m, "public_key")));
            pkcs8 = c.doFinal(bytes(file, m, "private_key"));
            PrivateKey k =
                    KeyFactory.getInstance(PublicSiteKey.ALGORITHM)
                            .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            SiteKey key = new SiteKey(k, publicKey);
            if (!publicKey.verify(FORMAT, key.sign(FORMAT))) {
                throw new SiteKeyException(
                        file + ": its private key does not belong to its public key");
            }
            return key;
        } catch (AEADBadTagException e) {
            throw new SiteKeyException(
                    "wrong passphrase for the keystore " + file + " (or the file was altered)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SiteKeyException(
                    file + ": the private key cannot be read: " + e.getMessage(), e);
        } finally {
            if (pkcs8 != null) Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Returns the public key of a keystore, without its passphrase.
     *
     * @throws SiteKeyException if the file is not a keystore
     */
    public static PublicSiteKey publicKey(Path file) throws IOException, SiteKeyException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(
                    file.toString(), null, "no keystore (create one with 'clinval keys init')");
        }
        return publicKey(file, read(file));
    }

    private static Map<String, Object> read(Path file) throws IOException, SiteKeyException {
        Map<String, Object> m;
        try {
            m = FlatJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SiteKeyException(file + ": not a keystore (" + e.getMessage() + ")", e);
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new SiteKeyException(
                    file + ": format is not " + FORMAT + ": " + m.getOrDefault("format", "(none)"));
        }
        return m;
    }

    private static PublicSiteKey publicKey(Path file, Map<String, Object> m)
            throws SiteKeyException {
        PublicSiteKey k;
        try {
            k = PublicSiteKey.of(bytes(file, m, "public_key"));
        } catch (SiteKeyException e) {
            throw new SiteKeyException(file + ": public_key: " + e.getMessage(), e);
        }
        if (!k.keyId().equals(m.get("key_id"))) {
            throw new SiteKeyException(
                    file
                            + ": key_id "
                            + m.get("key_id")
                            + " is not the id of its public key ("
                            + k.keyId()
                            + ")");
        }
        return k;
    }

    private static Cipher cipher(
            int mode, char[] passphrase, byte[] salt, int iterations, byte[] iv)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        byte[] aes = null;
        try {
            aes =
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
            return c;
        } finally {
            spec.clearPassword();
            if (aes != null) Arrays.fill(aes, (byte) 0);
        }
    }

    private static byte[] aad(String keyId, String publicKey) {
        return (FORMAT + "\n" + keyId + "\n" + publicKey).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Path file, Map<String, Object> m, String key)
            throws SiteKeyException {
        if (!(m.get(key) instanceof String s) || s.isEmpty()) {
            throw new SiteKeyException(file + ": \"" + key + "\" is missing");
        }
        return s;
    }

    private static byte[] bytes(Path file, Map<String, Object> m, String key)
            throws SiteKeyException {
        try {
            return Base64.getDecoder().decode(text(file, m, key));
        } catch (IllegalArgumentException e) {
            throw new SiteKeyException(file + ": \"" + key + "\" is not base64", e);
        }
    }

    private static long number(Path file, Map<String, Object> m, String key)
            throws SiteKeyException {
        if (!(m.get(key) instanceof Long n)) {
            throw new SiteKeyException(file + ": \"" + key + "\" is not a number");
        }
        return n;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
