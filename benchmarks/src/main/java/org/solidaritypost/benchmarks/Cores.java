package org.solidaritypost.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which cores a process (all its threads) may run on, through Linux's {@code taskset}.
 */
final class Cores {

	private Cores() {
	}

	/** Whether processes can be given cores of their own here. */
	static boolean canPin() {
		return Runtime.getRuntime().availableProcessors() >= 2 && taskset(List.of("-V"));
	}

	/** This JVM and everything it started, on the given cores ("0", "0-1"). */
	static void pinAll(String cores) {
		Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
			.forEach((process) -> pin(process, cores));
	}

	static void pin(ProcessHandle process, String cores) {
		if (!taskset(List.of("-a", "-p", "-c", cores, Long.toString(process.pid())))) {
			throw new IllegalStateException("taskset could not pin process " + process.pid() + " to " + cores);
		}
	}

	static String all() {
		return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
	}

	private static boolean taskset(List<String> arguments) {
		try {
			Process taskset = new ProcessBuilder(Stream.concat(Stream.of("taskset"), arguments.stream()).toList())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return taskset.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
