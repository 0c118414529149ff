package org.solidaritypost.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signals to the operating-system processes of the real servers, as faults arrive in
 * production: a hung machine ({@code STOP}), a crash ({@code KILL}).
 */
public final class OsProcesses {

	private OsProcesses() {
	}

	/**
	 * The process and all it started, for servers that fork one process per connection.
	 */
	public static List<ProcessHandle> withDescendants(ProcessHandle process) {
		return Stream.concat(Stream.of(process), process.descendants()).toList();
	}

	/** The running processes whose command line contains all of these. */
	public static List<ProcessHandle> find(String... parts) {
		return ProcessHandle.allProcesses().filter((process) -> {
			String command = process.info().commandLine().orElse("");
			return Stream.of(parts).allMatch(command::contains);
		}).toList();
	}

	public static void signal(List<ProcessHandle> processes, String signal) {
		for (ProcessHandle process : processes) {
			try {
				new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
