/** {@code clinval risk}: the ISO 14971 risk check of a risk management file on the command line. */
package org.clinval.app.risk;
