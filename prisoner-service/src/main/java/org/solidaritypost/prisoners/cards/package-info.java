@NullMarked
package org.solidaritypost.prisoners.cards;

import org.jspecify.annotations.NullMarked;
