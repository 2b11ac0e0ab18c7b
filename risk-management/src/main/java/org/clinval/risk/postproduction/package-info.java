/**
 * Production and post-production information (ISO 14971:2019 §10): the post-market investigations
 * that alarms of the surveillance opened, read from a surveillance output folder, for the risk
 * check to mark the controls they question.
 */
package org.clinval.risk.postproduction;
