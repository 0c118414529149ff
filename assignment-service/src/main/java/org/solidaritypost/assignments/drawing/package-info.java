@NullMarked
package org.solidaritypost.assignments.drawing;

import org.jspecify.annotations.NullMarked;
