@NullMarked
package org.solidaritypost.prisoners.registry;

import org.jspecify.annotations.NullMarked;
