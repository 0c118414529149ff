package org.solidaritypost.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * Where each service's instances are, as the operator names them: one base URI per
 * instance, comma-separated ({@code ASSIGNMENT_SERVICE_URI=http://a:8082,http://b:8082}).
 * The routes reach a service as {@code lb://assignment-service}, and Spring Cloud
 * LoadBalancer takes turns among its instances; no registry to run, nothing to change for
 * a single instance.
 */
@Component
class ServiceInstances implements ReactiveDiscoveryClient {

	private final Addresses addresses;

	ServiceInstances(Addresses addresses) {
		this.addresses = addresses;
	}

	@Override
	public String description() {
		return "The services' instances from solidarity-post.services";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String service) {
		List<URI> uris = this.addresses.services().getOrDefault(service, List.of());
		return Flux.range(0, uris.size())
			.map((i) -> new DefaultServiceInstance(service + "-" + (i + 1), service, uris.get(i).getHost(),
					port(uris.get(i)), "https".equals(uris.get(i).getScheme())));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.addresses.services().keySet());
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
	}

	/**
	 * @param services each service's instances by the service's name
	 */
	@ConfigurationProperties("solidarity-post")
	record Addresses(Map<String, List<URI>> services) {
	}

}
