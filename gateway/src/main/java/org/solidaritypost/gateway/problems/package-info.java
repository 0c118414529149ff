@NullMarked
package org.solidaritypost.gateway.problems;

import org.jspecify.annotations.NullMarked;
