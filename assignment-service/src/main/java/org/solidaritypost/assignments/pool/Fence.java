package org.solidaritypost.assignments.pool;

/**
 * Who writes to the pool: a listener or a visitor ({@link #NONE}: nothing to fence), or a
 * rebuild, which writes only while its owner holds the rebuild lease.
 *
 * @param owner the rebuild lease's owner, or empty
 */
record Fence(String owner) {

	static final Fence NONE = new Fence("");

}
