/** Input files the command line reads: CSV tables with a header row, NIfTI-1 masks. */
package org.clinval.app.io;
