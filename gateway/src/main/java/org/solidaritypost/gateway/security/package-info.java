@NullMarked
package org.solidaritypost.gateway.security;

import org.jspecify.annotations.NullMarked;
