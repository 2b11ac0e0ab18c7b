/** {@code clinval demo}: a complete validation study of the reference model on a phantom study. */
package org.clinval.app.demo;
