package io.lifeline.chat.attachments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What messages do with attachments: hand uploaded files to a message as it is written, and read them back to show
 * a page of messages. Both run in the caller's transaction when there is one.
 */
@Component
public class Attachments {

	static final String FIELD = "attachmentIds";

	private final AttachmentRepository attachments;

	Attachments(AttachmentRepository attachments) {
		this.attachments = attachments;
	}

	/**
	 * Makes the files {@code attachmentIds} belong to message {@code messageId}, all or none: each must have been
	 * uploaded to {@code ticketId} by {@code uploaderId} and not be used by a message yet, and an internal file may
	 * only go on an internal message. On an internal message every file becomes internal. Fails with a 400 problem on
	 * {@code attachmentIds} otherwise. Ids given twice count once. Emits the files in upload order.
	 */
	public Mono<List<AttachmentView>> attach(UUID ticketId, UUID uploaderId, List<UUID> attachmentIds,
			UUID messageId, boolean internal) {
		if (attachmentIds == null || attachmentIds.isEmpty()) {
			return Mono.just(List.of());
		}
		if (attachmentIds.stream().anyMatch(Objects::isNull)) {
			return Mono.error(ApiProblem.badRequest(FIELD, "must not contain null"));
		}
		Set<UUID> ids = new LinkedHashSet<>(attachmentIds);
		return attachments.attach(ticketId, uploaderId, ids, messageId, internal)
			.sort(Comparator.comparingLong(AttachmentRecord::seq))
			.map(AttachmentRecord::toView)
			.collectList()
			.flatMap(attached -> attached.size() == ids.size() ? Mono.just(attached)
					: Mono.error(ApiProblem.badRequest(FIELD, "each must be a file you uploaded to this ticket and"
							+ " not yet used in a message" + (internal ? "" : ", and not an internal one"))));
	}

	/**
	 * The files of each of {@code messageIds}, in upload order; every id given is a key, with an empty list when the
	 * message has none.
	 */
	public Mono<Map<UUID, List<AttachmentView>>> forMessages(Collection<UUID> messageIds) {
		Map<UUID, List<AttachmentView>> byMessage = new LinkedHashMap<>();
		if (messageIds == null || messageIds.isEmpty()) {
			return Mono.just(byMessage);
		}
		messageIds.forEach(id -> byMessage.put(id, new ArrayList<>()));
		return attachments.findByMessages(byMessage.keySet())
			.doOnNext(attachment -> byMessage.get(attachment.messageId()).add(attachment.toView()))
			.then(Mono.fromSupplier(() -> byMessage));
	}

}
