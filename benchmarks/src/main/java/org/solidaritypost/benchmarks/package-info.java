@NullMarked
package org.solidaritypost.benchmarks;

import org.jspecify.annotations.NullMarked;
