package org.solidaritypost.local;

/**
 * How many of each service run, and what stands in front of the gateways.
 *
 * @param replicas instances of each service, the gateway included
 * @param loadBalancer whether nginx terminates TLS in front of the gateways and balances
 * over them, as an operator's load balancer would
 */
public record Topology(int replicas, boolean loadBalancer) {

	/** One of everything, the gateway in front: {@code ./run}. */
	public static final Topology SINGLE = new Topology(1, false);

	/** Every service {@code replicas} times, behind nginx with TLS. */
	public static Topology replicated(int replicas) {
		return new Topology(replicas, true);
	}

}
