@NullMarked
package org.solidaritypost.infrastructure;

import org.jspecify.annotations.NullMarked;
