@NullMarked
package org.solidaritypost.events;

import org.jspecify.annotations.NullMarked;
