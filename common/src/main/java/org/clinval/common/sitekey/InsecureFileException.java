package org.clinval.common.sitekey;

import java.io.IOException;

/**
 * A secret (keystore, passphrase or password file) whose permissions let group or others read or
 * write it. The message says how to fix it ({@code chmod 600 F}).
 */
public final class InsecureFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public InsecureFileException(String message) {
        super(message);
    }
}
