package org.solidaritypost.assignments.drawing;

import java.util.List;

/**
 * "Cards you are writing": a visitor's own assignments, newest first.
 */
record VisitorsAssignments(List<Assignment> assignments) {
}
