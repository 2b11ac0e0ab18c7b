/**
 * How the acceptance runner hands its run folder to the glue and collects each scenario's outcome.
 */
package org.clinval.features.internal;
