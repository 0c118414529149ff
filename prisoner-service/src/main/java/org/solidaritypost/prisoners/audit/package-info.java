@NullMarked
package org.solidaritypost.prisoners.audit;

import org.jspecify.annotations.NullMarked;
