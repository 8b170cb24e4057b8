package io.lifeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The server side of the bench's TCP connections, from {@code ss}: state and bytes waiting to be sent. */
final class Sockets {

	private Sockets() {
	}

	/** Peer (client) port to {@code "STATE SEND-Q"} for every TCP socket on the server's port; empty without ss. */
	static Map<Integer, String> serverSide(int port) {
		return query("sport = :" + port, 4, 2);
	}

	/** Local (client) port to {@code "STATE RECV-Q"} for every TCP socket connected to the server's port. */
	static Map<Integer, String> clientSide(int port) {
		return query("dport = :" + port, 3, 1);
	}

	private static Map<Integer, String> query(String filter, int portColumn, int queueColumn) {
		Map<Integer, String> sockets = new HashMap<>();
		try {
			Process ss = new ProcessBuilder("ss", "-Htan", filter).redirectErrorStream(true).start();
			String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			ss.waitFor(10, TimeUnit.SECONDS);
			for (String line : output.split("\n")) {
				String[] columns = line.strip().split("\\s+");
				if (columns.length < 5 || columns[0].equals("LISTEN")) {
					continue;
				}
				String peer = columns[portColumn];
				int colon = peer.lastIndexOf(':');
				try {
					sockets.put(Integer.parseInt(peer.substring(colon + 1)), columns[0] + " " + columns[queueColumn]);
				}
				catch (NumberFormatException ex) {
					// not a host:port column
				}
			}
		}
		catch (IOException ex) {
			Bench.log("  (ss not available: %s)", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return sockets;
	}

}
