/** The {@code clinval} command line: the composition root that wires the modules together. */
package org.clinval.app;
