package org.clinval.workflows.signature;

import java.io.IOException;

/**
 * A user registry that is not the one the administrators wrote: edited by hand, signed with another
 * key, out of step with its administration log. The message names the user and what differs.
 */
public final class InvalidRegistryException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidRegistryException(String message) {
        super(message);
    }
}
