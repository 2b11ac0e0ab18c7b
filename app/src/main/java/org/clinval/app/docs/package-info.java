/** {@code clinval docs}: the compliance documents of a study run. */
package org.clinval.app.docs;
