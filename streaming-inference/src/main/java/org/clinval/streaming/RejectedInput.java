package org.clinval.streaming;

/** An input that cannot be used, with the reason it goes to quarantine. */
public final class RejectedInput extends Exception {

    private static final long serialVersionUID = 1L;

    public RejectedInput(String reason) {
        super(reason);
    }
}
