package org.solidaritypost.assignments.pool;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * An event cannot be applied while the pool is rebuilt from the topics: it is tried
 * again, never skipped.
 */
class PoolRebuilding extends TransientDataAccessResourceException {

	PoolRebuilding() {
		super("The pool is being rebuilt from Kafka");
	}

}
