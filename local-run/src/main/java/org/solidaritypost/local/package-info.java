@NullMarked
package org.solidaritypost.local;

import org.jspecify.annotations.NullMarked;
