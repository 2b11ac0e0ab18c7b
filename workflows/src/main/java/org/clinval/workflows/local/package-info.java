/**
 * The services this module implements itself in plain Java: registering and locking the inputs, the
 * analysis, and the archive.
 */
package org.clinval.workflows.local;
