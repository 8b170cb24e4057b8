package io.lifeline.chat.attachments;

/** An attachment with its bytes, for a download. */
record AttachmentContent(AttachmentRecord attachment, byte[] data) {
}
