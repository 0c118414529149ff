package org.solidaritypost.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * nginx in front of the gateways, as an operator's load balancer: it terminates TLS with
 * a self-signed certificate made for this run, balances over the gateways, and tells them
 * the visitor's address ({@code X-Forwarded-For}) and that the request came over TLS
 * ({@code X-Forwarded-Proto}). Debian's {@code nginx} package; {@code openssl} makes the
 * certificate.
 */
public final class TlsLoadBalancer implements AutoCloseable {

	/** Where Debian installs nginx. */
	public static final Path NGINX = Path.of("/usr/sbin/nginx");

	private final Process process;

	private final Path directory;

	private final int port;

	private TlsLoadBalancer(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/** Whether nginx and openssl are installed. */
	public static boolean available() {
		return Files.isExecutable(NGINX) && Files.isExecutable(Path.of("/usr/bin/openssl"));
	}

	/**
	 * @param gatewayPorts where the gateways listen on the loopback interface
	 */
	public static TlsLoadBalancer start(List<Integer> gatewayPorts, Path logDirectory) {
		try {
			Path directory = Files.createTempDirectory("solidarity-post-nginx-");
			// nginx's workers run as another user when started by root: they must reach
			// their temporary files
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			run(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
					"/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout",
					directory.resolve("key.pem").toString(), "-out", directory.resolve("certificate.pem").toString()),
					directory);
			int port = LocalSettings.freePort();
			Files.writeString(directory.resolve("nginx.conf"), configuration(directory, port, gatewayPorts));
			Process process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c",
					directory.resolve("nginx.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve("nginx.log").toFile()))
				.start();
			TlsLoadBalancer balancer = new TlsLoadBalancer(process, directory, port);
			balancer.awaitListening(Duration.ofSeconds(20));
			return balancer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("nginx did not start", ex);
		}
	}

	/** The public address, as visitors reach the campaign. */
	public URI uri() {
		return URI.create("https://localhost:" + this.port);
	}

	/** A TLS context that trusts this run's certificate and nothing else. */
	public SSLContext trust() {
		try (InputStream certificate = Files.newInputStream(this.directory.resolve("certificate.pem"))) {
			Certificate ours = CertificateFactory.getInstance("X.509").generateCertificate(certificate);
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			store.setCertificateEntry("solidarity-post-local", ours);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("Could not trust the load balancer's certificate", ex);
		}
	}

	private static String configuration(Path directory, int port, List<Integer> gatewayPorts) {
		String upstreams = gatewayPorts.stream()
			.map((gateway) -> "\t\tserver 127.0.0.1:" + gateway + " max_fails=1 fail_timeout=5s;")
			.collect(Collectors.joining("\n"));
		return """
				worker_processes 1;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events {
					worker_connections 1024;
				}
				http {
					access_log off;
					client_body_temp_path %1$s/body;
					proxy_temp_path %1$s/proxy;
					fastcgi_temp_path %1$s/fastcgi;
					uwsgi_temp_path %1$s/uwsgi;
					scgi_temp_path %1$s/scgi;
					# the import's 20 MB, with room for the multipart envelope
					client_max_body_size 25m;
					upstream gateways {
				%2$s
						keepalive 32;
					}
					server {
						listen 127.0.0.1:%3$d ssl;
						ssl_certificate %1$s/certificate.pem;
						ssl_certificate_key %1$s/key.pem;
						location / {
							proxy_pass http://gateways;
							proxy_http_version 1.1;
							proxy_set_header Connection "";
							proxy_set_header Host $http_host;
							proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
							proxy_set_header X-Forwarded-Proto $scheme;
							# a gateway that is down: the next one (nginx retries only idempotent requests)
							proxy_next_upstream error timeout http_502;
							proxy_connect_timeout 2s;
							proxy_read_timeout 130s;
						}
					}
				}
				""".formatted(directory, upstreams, port);
	}

	private void awaitListening(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"nginx stopped while starting; see nginx.log and " + this.directory.resolve("error.log"));
			}
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				sleep(Duration.ofMillis(100));
			}
		}
		throw new IllegalStateException("nginx not listening within " + timeout);
	}

	private static void run(List<String> command, Path directory) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve("openssl.log").toFile())
			.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("openssl could not make a certificate; see " + directory);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while making a certificate", ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

}
