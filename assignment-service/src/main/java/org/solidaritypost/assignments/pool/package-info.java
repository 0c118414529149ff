@NullMarked
package org.solidaritypost.assignments.pool;

import org.jspecify.annotations.NullMarked;
