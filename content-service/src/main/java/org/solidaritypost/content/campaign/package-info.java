@NullMarked
package org.solidaritypost.content.campaign;

import org.jspecify.annotations.NullMarked;
