@NullMarked
package org.solidaritypost.content.templates;

import org.jspecify.annotations.NullMarked;
