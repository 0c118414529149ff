package org.solidaritypost.assignments.pool;

/**
 * A rebuild's lease ran out (a long pause) and another instance may be rebuilding: this
 * one stops writing.
 */
class LeaseLost extends RuntimeException {

	LeaseLost() {
		super("The rebuild lease is another instance's now");
	}

}
