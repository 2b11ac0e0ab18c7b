/**
 * The post-market investigation an alarm of the surveillance job opens: triage, root-cause analysis
 * and decision, each completed by an electronic signature, in a surveillance output folder's {@code
 * investigations/} with its own audit trail (ISO 14971:2019 §10).
 */
package org.clinval.workflows.investigation;
