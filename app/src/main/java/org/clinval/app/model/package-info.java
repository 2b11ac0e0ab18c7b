/** {@code clinval model}: train, evaluate, run and explain the imaging models. */
package org.clinval.app.model;
