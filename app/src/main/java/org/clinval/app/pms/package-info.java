/** {@code clinval pms}: post-market surveillance commands. */
package org.clinval.app.pms;
