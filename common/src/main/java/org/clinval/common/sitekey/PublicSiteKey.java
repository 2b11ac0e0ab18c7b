package org.clinval.common.sitekey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinval.common.Sha256;

/**
 * The public half of a site key: what a reviewer needs to verify a run, and nothing that signs.
 *
 * <p>Its id is the first 16 hexadecimal digits of the SHA-256 of the X.509 encoding of the key. It
 * is exported (see {@link #toJson}) as {@code {"format": "clinval-site-public-key/1", "algorithm":
 * "Ed25519", "key_id": …, "public_key": <base64 X.509>}}; {@link #read} also accepts a PEM {@code
 * PUBLIC KEY} block and a keystore file, of which it reads only the public half.
 */
public final class PublicSiteKey {

    /** The format of an exported public key. */
    public static final String FORMAT = "clinval-site-public-key/1";

    /** The signature algorithm of every site key. */
    public static final String ALGORITHM = "Ed25519";

    private final PublicKey key;
    private final byte[] x509;
    private final String keyId;

    private PublicSiteKey(PublicKey key) {
        this.key = key;
        this.x509 = key.getEncoded();
        this.keyId = keyIdOf(x509);
    }

    static PublicSiteKey of(PublicKey key) {
        return new PublicSiteKey(key);
    }

    /**
     * Returns the key of an X.509 ({@code SubjectPublicKeyInfo}) encoding.
     *
     * @throws SiteKeyException if the bytes are not an Ed25519 public key
     */
    public static PublicSiteKey of(byte[] x509) throws SiteKeyException {
        try {
            return new PublicSiteKey(
                    KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SiteKeyException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Returns the id of a key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyIdOf(byte[] x509) {
        return Sha256.of(x509).substring(0, 16);
    }

    /**
     * Reads an exported public key: the JSON of {@link #toJson}, a PEM {@code PUBLIC KEY} block, or
     * a keystore (its public half). A JSON file's {@code key_id} must be the id of its key.
     *
     * @throws SiteKeyException naming the file and what is wrong with it
     */
    public static PublicSiteKey read(Path file) throws IOException, SiteKeyException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
                String body =
                        text.replace("-----BEGIN PUBLIC KEY-----", "")
                                .replace("-----END PUBLIC KEY-----", "")
                                .replaceAll("\\s", "");
                return of(Base64.getDecoder().decode(body));
            }
            Map<String, Object> m = FlatJson.read(text);
            if (!FORMAT.equals(m.get("format")) && !SiteKeyStore.FORMAT.equals(m.get("format"))) {
                throw new SiteKeyException(
                        "format is not " + FORMAT + ": " + m.getOrDefault("format", "(none)"));
            }
            PublicSiteKey k = of(Base64.getDecoder().decode(String.valueOf(m.get("public_key"))));
            if (!k.keyId().equals(m.get("key_id"))) {
                throw new SiteKeyException(
                        "key_id "
                                + m.get("key_id")
                                + " is not the id of its public_key ("
                                + k.keyId()
                                + ")");
            }
            return k;
        } catch (SiteKeyException e) {
            throw new SiteKeyException(file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SiteKeyException(
                    file + ": not a site public key (JSON or PEM): " + e.getMessage(), e);
        }
    }

    /** Returns the key id. */
    public String keyId() {
        return keyId;
    }

    /** Returns the X.509 encoding. */
    public byte[] encoded() {
        return x509.clone();
    }

    PublicKey key() {
        return key;
    }

    /** Returns whether {@code signature} (base64) is this key's signature of {@code data}. */
    public boolean verify(byte[] data, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // not base64, wrong length: not a signature of this key
        }
    }

    /**
     * Returns whether {@code signature} is this key's signature of the UTF-8 bytes of {@code text}.
     */
    public boolean verify(String text, String signature) {
        return verify(text.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** Returns the exported form (JSON with the key id). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("algorithm", ALGORITHM);
        m.put("key_id", keyId);
        m.put("public_key", Base64.getEncoder().encodeToString(x509));
        return FlatJson.write(m);
    }

    /** Returns the key as a PEM {@code PUBLIC KEY} block. */
    public String toPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(x509)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicSiteKey k && Arrays.equals(k.x509, x509);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x509);
    }

    @Override
    public String toString() {
        return "site public key " + keyId;
    }
}
