/** The {@code clinval stats …} commands: statistics on CSV and mask files, printed as JSON. */
package org.clinval.app.stats;
