@NullMarked
package org.solidaritypost.assignments;

import org.jspecify.annotations.NullMarked;
