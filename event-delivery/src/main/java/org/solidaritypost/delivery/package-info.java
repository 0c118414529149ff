/**
 * How the services' events travel between them.
 */
package org.solidaritypost.delivery;
