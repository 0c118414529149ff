@NullMarked
package org.solidaritypost.gateway.routing;

import org.jspecify.annotations.NullMarked;
