@NullMarked
package org.solidaritypost.prisoners.profile;

import org.jspecify.annotations.NullMarked;
