/** PixelMed details of de-identification: the PS3.15 table, the recursive walk, the profile. */
package org.clinval.imaging.deid.internal;
