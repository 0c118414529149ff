package org.solidaritypost.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
			String command = commandLine(process);
			return Stream.of(parts).allMatch(command::contains);
		}).toList();
	}

	/**
	 * As the kernel shows it: Redis rewrites its process title to "redis-server
	 * host:port", which the JDK's view of the command line does not always give back.
	 */
	private static String commandLine(ProcessHandle process) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
					StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException | RuntimeException ex) {
			return process.info().commandLine().orElse("");
		}
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
