/**
 * The steps of the study process: thin delegates, each calling one service and recording what it
 * did in the audit trail. They hold no logic of their own that a test would need an engine for.
 */
package org.clinval.workflows.delegate;
