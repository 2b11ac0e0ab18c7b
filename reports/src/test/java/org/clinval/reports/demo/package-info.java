/**
 * A realistic validation report computed from a seeded synthetic study, for demonstrations and
 * tests of the report writers.
 */
package org.clinval.reports.demo;
