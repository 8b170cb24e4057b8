package io.lifeline.chat.attachments;

/** One file as it arrived: the client's name for it, its bytes and their SHA-256, and the {@code internal} flag. */
record Upload(String filename, byte[] data, byte[] sha256, boolean internal) {

	long size() {
		return data.length;
	}

}
