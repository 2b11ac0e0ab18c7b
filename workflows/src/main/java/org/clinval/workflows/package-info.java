/** The validation-study process: its engine, its facade for the command line. */
package org.clinval.workflows;
