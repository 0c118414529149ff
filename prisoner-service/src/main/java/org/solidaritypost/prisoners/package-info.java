@NullMarked
package org.solidaritypost.prisoners;

import org.jspecify.annotations.NullMarked;
