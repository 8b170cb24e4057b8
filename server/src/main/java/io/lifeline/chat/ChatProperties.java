package io.lifeline.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.chat.*}: how messages are written (see {@link MessageWriter}).
 *
 * @param writeLanes how many transactions of messages a node writes at once; a ticket's messages always take the
 * same lane (2)
 * @param maxBatch at most this many messages share one transaction (200)
 */
@ConfigurationProperties("lifeline.chat")
record ChatProperties(@DefaultValue("2") int writeLanes, @DefaultValue("200") int maxBatch) {

	ChatProperties {
		if (writeLanes < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("lifeline.chat.write-lanes and max-batch must be at least 1");
		}
	}

}
