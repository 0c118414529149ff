@NullMarked
package org.solidaritypost.content.bundle;

import org.jspecify.annotations.NullMarked;
