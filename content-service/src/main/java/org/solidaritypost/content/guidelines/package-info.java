@NullMarked
package org.solidaritypost.content.guidelines;

import org.jspecify.annotations.NullMarked;
