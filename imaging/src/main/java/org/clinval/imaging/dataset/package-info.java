/**
 * A study's image folder as inputs: every file checked (readable, decodable, of an accepted
 * modality, without burned-in text, of a size the model takes), grouped into cases, duplicates
 * found, and nothing left unaccounted for.
 */
package org.clinval.imaging.dataset;
