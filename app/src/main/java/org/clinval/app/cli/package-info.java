/**
 * Command-line plumbing shared by every command: errors, option checks, logs, JSON output,
 * progress.
 */
package org.clinval.app.cli;
