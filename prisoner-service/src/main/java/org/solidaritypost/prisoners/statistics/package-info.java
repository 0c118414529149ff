/**
 * The organisers' statistics: cards per day by campaign, by country of origin and by
 * institution, and the prisoners nobody wrote to lately, from the registry's own tables;
 * as JSON, CSV and server-rendered SVG charts.
 */
@NullMarked
package org.solidaritypost.prisoners.statistics;

import org.jspecify.annotations.NullMarked;
