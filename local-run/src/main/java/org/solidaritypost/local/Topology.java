package org.solidaritypost.local;

/**
 * How many of each service run, what stands in front of the gateways, and how Redis and
 * Kafka are made to survive the loss of a server.
 *
 * @param replicas instances of each service, the gateway included
 * @param loadBalancer whether nginx terminates TLS in front of the gateways and balances
 * over them, as an operator's load balancer would
 * @param redisSentinel whether Redis runs as a primary, a replica and three Sentinels
 * that the services reach it through
 * @param kafkaBrokers brokers in the Kafka cluster; with three, the project's topics keep
 * three copies and need two in sync
 */
public record Topology(int replicas, boolean loadBalancer, boolean redisSentinel, int kafkaBrokers) {

	/** One of everything, the gateway in front: {@code ./run}. */
	public static final Topology SINGLE = new Topology(1, false, false, 1);

	/** Every service {@code replicas} times, behind nginx with TLS. */
	public static Topology replicated(int replicas) {
		return new Topology(replicas, true, false, 1);
	}

	/** One of each service on Redis with Sentinel and three Kafka brokers. */
	public static Topology highlyAvailableData() {
		return new Topology(1, false, true, 3);
	}

}
