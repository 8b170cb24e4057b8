package io.lifeline.chat.attachments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;

/** Uploads, lists and serves the files of a ticket, to its participants only. */
@Service
class AttachmentService {

	/** 10 MiB per file. */
	static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	/** What multipart framing (boundaries, part headers, the {@code internal} field) may add to a file. */
	static final int MAX_OVERHEAD_BYTES = 64 * 1024;

	private final AttachmentRepository attachments;

	private final Clock clock;

	AttachmentService(AttachmentRepository attachments, Clock clock) {
		this.attachments = attachments;
		this.clock = clock;
	}

	/**
	 * Stores one file on the ticket. A request whose Content-Length is already too big is refused before its body
	 * is read; any other stops being read at the byte after the limit. Nothing is stored unless all is well.
	 */
	Mono<AttachmentView> upload(CurrentUser user, UUID ticketId, long contentLength, Flux<PartEvent> parts) {
		if (contentLength > MAX_FILE_BYTES + MAX_OVERHEAD_BYTES) {
			return Mono.error(AttachmentProblems.tooLarge(MAX_FILE_BYTES));
		}
		return visibleTicket(user, ticketId)
			.then(Mono.defer(() -> new UploadReader(MAX_FILE_BYTES, user.isStaff(), contentLength).read(parts)))
			.flatMap(upload -> {
				AttachmentType type = ContentTypeSniffer.detect(upload.data())
					.orElseThrow(AttachmentProblems::unsupportedType);
				AttachmentRecord attachment = new AttachmentRecord(UUID.randomUUID(), 0, ticketId, user.id(), null,
						upload.internal(), Filenames.sanitize(upload.filename(), type), type, upload.size(),
						upload.sha256(), now());
				return attachments.insert(attachment, upload.data()).thenReturn(attachment.toView());
			});
	}

	Mono<AttachmentContent> download(CurrentUser user, UUID id) {
		return attachments.findContent(id, user)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Attachment " + id)));
	}

	Mono<List<AttachmentView>> list(CurrentUser user, UUID ticketId) {
		return visibleTicket(user, ticketId)
			.thenMany(attachments.findByTicket(ticketId, user))
			.map(AttachmentRecord::toView)
			.collectList();
	}

	/** The ticket, when it exists and is the caller's: staff, or the ticket's own customer. */
	private Mono<UUID> visibleTicket(CurrentUser user, UUID ticketId) {
		return attachments.ticketCustomer(ticketId)
			.filter(customerId -> user.isStaff() || customerId.equals(user.id()))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Ticket " + ticketId)));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
