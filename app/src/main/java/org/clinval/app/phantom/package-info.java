/** {@code clinval phantoms}: phantom studies with known ground truth. */
package org.clinval.app.phantom;
