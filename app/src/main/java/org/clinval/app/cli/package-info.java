/** Command-line plumbing shared by every command: errors, JSON output, progress. */
package org.clinval.app.cli;
