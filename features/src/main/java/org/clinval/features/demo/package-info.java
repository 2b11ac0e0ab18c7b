/** The demo study's acceptance criteria, for the lung-nodule classifier of the clinval demo. */
package org.clinval.features.demo;
