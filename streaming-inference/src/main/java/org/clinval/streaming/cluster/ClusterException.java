package org.clinval.streaming.cluster;

/** The cluster could not be started or reached; the message names the log to read. */
public final class ClusterException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }
}
