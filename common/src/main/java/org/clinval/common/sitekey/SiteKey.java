package org.clinval.common.sitekey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * An unlocked site key: signs records with Ed25519 (RFC 8032, the JDK's {@code Ed25519}). Obtained
 * from {@link SiteKeyStore#open} (or {@link #generate} in tests); it never writes its private half
 * anywhere.
 */
public final class SiteKey {

    private final PrivateKey privateKey;
    private final PublicSiteKey publicKey;

    SiteKey(PrivateKey privateKey, PublicSiteKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Returns a new random key, held in memory only (tests, and the keystore's creation). */
    public static SiteKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(PublicSiteKey.ALGORITHM).generateKeyPair();
            return new SiteKey(pair.getPrivate(), PublicSiteKey.of(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** Returns the key id (see {@link PublicSiteKey#keyId}). */
    public String keyId() {
        return publicKey.keyId();
    }

    /** Returns the public half. */
    public PublicSiteKey publicKey() {
        return publicKey;
    }

    /** Returns the signature of {@code data}, in base64. */
    public String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(PublicSiteKey.ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the site key " + keyId(), e);
        }
    }

    /** Returns the signature of the UTF-8 bytes of {@code text}, in base64. */
    public String sign(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "site key " + keyId(); // never the private half
    }
}
