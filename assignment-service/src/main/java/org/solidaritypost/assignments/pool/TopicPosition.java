package org.solidaritypost.assignments.pool;

/**
 * Where in a topic an event was read, so that a script applies each offset once; or
 * {@link #NONE} for what did not come from a topic (a visitor's own report).
 *
 * @param partition the topic partition's field in the applied-offsets hash
 * @param offset the event's offset there
 */
record TopicPosition(String partition, long offset) {

	static final TopicPosition NONE = new TopicPosition("", -1);

}
