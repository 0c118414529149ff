/**
 * Tables for spreadsheets: CSV downloads that a spreadsheet opens as text, never as
 * formulas.
 */
@NullMarked
package org.solidaritypost.prisoners.spreadsheet;

import org.jspecify.annotations.NullMarked;
