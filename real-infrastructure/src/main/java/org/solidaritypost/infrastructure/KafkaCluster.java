package org.solidaritypost.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

/**
 * Kafka as a campaign that cannot afford to lose a card runs it: three brokers that are
 * also the KRaft controller quorum, Kafka's own topics with three copies and two in sync,
 * each broker an operating-system process that a test can stop, pause or kill.
 */
public final class KafkaCluster implements AutoCloseable {

	private final List<KafkaBrokerProcess> brokers;

	private KafkaCluster(List<KafkaBrokerProcess> brokers) {
		this.brokers = brokers;
	}

	public static KafkaCluster start(int size) {
		List<Integer> controllerPorts = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			controllerPorts.add(EmbeddedRedisServer.freePort());
		}
		String voters = IntStream.range(0, size)
			.mapToObj((i) -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
			.collect(Collectors.joining(","));
		String clusterId = Uuid.randomUuid().toString();
		List<KafkaBrokerProcess> brokers = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			brokers.add(KafkaBrokerProcess
				.prepare(new KafkaBrokerProcess.Node(i + 1, voters, controllerPorts.get(i), size, clusterId)));
		}
		KafkaCluster cluster = new KafkaCluster(brokers);
		try {
			// a quorum elects its leader only once a majority of its voters runs
			brokers.forEach(KafkaBrokerProcess::launchWithoutWaiting);
			brokers.forEach(KafkaBrokerProcess::awaitAnswering);
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/** Every broker, as a client's bootstrap list. */
	public String bootstrapServers() {
		return this.brokers.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
	}

	/** A broker, numbered from 1. */
	public KafkaBrokerProcess broker(int number) {
		return this.brokers.get(number - 1);
	}

	public int size() {
		return this.brokers.size();
	}

	@Override
	public void close() {
		this.brokers.forEach(KafkaBrokerProcess::close);
	}

}
