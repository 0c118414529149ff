@NullMarked
package org.solidaritypost.content.postage;

import org.jspecify.annotations.NullMarked;
