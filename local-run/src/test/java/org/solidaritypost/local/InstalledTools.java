package org.solidaritypost.local;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tools some checks need beyond a JDK: Debian's Chromium and PostgreSQL client, and
 * Lighthouse and axe-core from npm, which {@code .ci/run} installs (the npm ones into
 * {@code .ci/tools}). In CI a missing tool fails the build, since a skipped check there
 * hides the only check of the page; on a developer's machine the check is skipped, saying
 * why.
 */
final class InstalledTools {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path NODE_MODULES = Path
		.of(System.getProperty("solidarity-post.node-tools", Path.of("..", ".ci", "tools", "node_modules").toString()));

	private InstalledTools() {
	}

	static void requireChromium() {
		require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
	}

	static void requireNginx() {
		require(TlsLoadBalancer.available(), "Debian's nginx (and openssl) are not installed (.ci/run installs them)");
	}

	static Path psql() {
		Path psql = Path.of("/usr/bin/psql");
		require(Files.isExecutable(psql), "Debian's postgresql-client is not installed (.ci/run installs it)");
		return psql;
	}

	static Path lighthouse() {
		Path cli = NODE_MODULES.resolve("lighthouse/cli/index.js");
		require(Files.isRegularFile(cli), "Lighthouse is not installed in " + NODE_MODULES + " (.ci/run installs it)");
		return cli;
	}

	static Path axe() {
		Path script = NODE_MODULES.resolve("axe-core/axe.min.js");
		require(Files.isRegularFile(script), "axe-core is not installed in " + NODE_MODULES + " (.ci/run installs it)");
		return script;
	}

	static Path spectral() {
		Path cli = NODE_MODULES.resolve("@stoplight/spectral-cli/dist/index.js");
		Path owasp = NODE_MODULES.resolve("@stoplight/spectral-owasp-ruleset/dist/ruleset.mjs");
		require(Files.isRegularFile(cli) && Files.isRegularFile(owasp),
				"Spectral and its OWASP ruleset are not installed in " + NODE_MODULES + " (.ci/run installs them)");
		return cli;
	}

	private static void require(boolean present, String missing) {
		if (System.getenv("CI") != null && !present) {
			fail(missing);
		}
		assumeTrue(present, missing + "; skipped on this machine");
	}

}
