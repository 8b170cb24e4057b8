package io.lifeline.knowledge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.knowledge.*}.
 *
 * @param taskDue how long the solver of a ticket solved without an article has to write or link one (48 hours)
 */
@ConfigurationProperties("lifeline.knowledge")
record KnowledgeProperties(@DefaultValue("PT48H") Duration taskDue) {
}
