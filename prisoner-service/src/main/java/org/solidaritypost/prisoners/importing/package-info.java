@NullMarked
package org.solidaritypost.prisoners.importing;

import org.jspecify.annotations.NullMarked;
