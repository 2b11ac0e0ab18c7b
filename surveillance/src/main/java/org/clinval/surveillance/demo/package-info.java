/**
 * The events {@code clinval pms demo} replays: six months of predictions of the built-in CT nodule
 * classifier on phantom cases from three sites, with delayed ground truth and reader decisions, and
 * one site whose scanner changes.
 */
package org.clinval.surveillance.demo;
