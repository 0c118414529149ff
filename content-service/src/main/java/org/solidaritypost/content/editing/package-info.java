@NullMarked
package org.solidaritypost.content.editing;

import org.jspecify.annotations.NullMarked;
