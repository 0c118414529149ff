@NullMarked
package org.solidaritypost.prisoners.demo;

import org.jspecify.annotations.NullMarked;
