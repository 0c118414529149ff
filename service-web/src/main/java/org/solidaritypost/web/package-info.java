/**
 * What the servlet services share at their HTTP edge.
 */
@NullMarked
package org.solidaritypost.web;

import org.jspecify.annotations.NullMarked;
