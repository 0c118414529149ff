package org.solidaritypost.assignments.pool;

/**
 * Where in a topic an event was read, so that a script applies each offset once and sees
 * whether Redis still holds what came before it; or {@link #NONE} for what did not come
 * from a topic (a visitor's own report).
 *
 * @param partition the topic partition's field in the applied-offsets hash
 * @param offset the event's offset there
 * @param previous the offset this consumer applied before on the partition, -1 for none
 * known: a script refuses with "gap" when Redis holds less than that
 */
record TopicPosition(String partition, long offset, long previous) {

	static final TopicPosition NONE = new TopicPosition("", -1, -1);

}
