/**
 * The study commands: run a validation study, list and complete its signed tasks, verify an audit
 * trail, register the users who sign.
 */
package org.clinval.app.study;
