package org.clinval.workflows.ledger;

/** What was done with a locked dataset, as the ledger names it. */
public enum LedgerAction {
    /** A study locked the dataset as its test set. */
    LOCK("lock"),
    /** A model was run over the dataset. */
    INFERENCE("inference"),
    /** The dataset, or results over it, left the study. */
    EXPORT("export"),
    /** Results over the dataset were compared with others (e.g. two model versions). */
    COMPARE("compare");

    private final String key;

    LedgerAction(String key) {
        this.key = key;
    }

    /** The word written in the ledger. */
    public String key() {
        return key;
    }
}
