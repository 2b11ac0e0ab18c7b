package org.clinval.common.sitekey;

/**
 * A keystore or public-key file that cannot be used: wrong passphrase, malformed content, a key of
 * another kind. The message is one line naming the file and what to do.
 */
public final class SiteKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    public SiteKeyException(String message) {
        super(message);
    }

    public SiteKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
