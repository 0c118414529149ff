@NullMarked
package org.solidaritypost.content;

import org.jspecify.annotations.NullMarked;
