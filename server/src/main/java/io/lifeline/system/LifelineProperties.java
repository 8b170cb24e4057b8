package io.lifeline.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the process as a whole.
 *
 * @param nodeId the name of this node in logs and in STOMP's {@code server} header ({@code LIFELINE_NODE_ID});
 * defaults to the host name
 */
@ConfigurationProperties("lifeline")
public record LifelineProperties(String nodeId) {

	public LifelineProperties {
		if (nodeId == null || nodeId.isBlank()) {
			nodeId = hostName();
		}
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "lifeline";
		}
	}

}
