/**
 * The reuse ledger of sealed test sets: every lock of, and inference over, a dataset, kept outside
 * any run folder in one hash-chained, site-key-signed file per dataset.
 */
package org.clinval.workflows.ledger;
