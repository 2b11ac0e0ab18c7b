package org.clinval.workflows.service;

/** The study's inputs cannot be used: changed since registration, or not what the protocol says. */
public final class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
