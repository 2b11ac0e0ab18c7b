/** Input files the command line reads: CSV tables with a header row. */
package org.clinval.app.io;
