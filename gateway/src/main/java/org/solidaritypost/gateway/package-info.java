@NullMarked
package org.solidaritypost.gateway;

import org.jspecify.annotations.NullMarked;
