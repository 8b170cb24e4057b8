package io.lifeline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One STOMP session of the load generator: a Netty handler on the shared event loop, no thread and no Reactor
 * pipeline per frame. It sends CONNECT and one SUBSCRIBE, answers heart-beats (the {@link StompClient}'s sweep
 * sends them), and for every MESSAGE reads the body's {@code seq}, {@code stream} and {@code at}: the latency goes
 * to the shared {@link Latency}, the seq to this session's own gap and duplicate count.
 */
final class StompConnection extends ChannelInboundHandlerAdapter {

	/** Takes MESSAGE, RECEIPT and ERROR frames once set (the chat scenario's own accounting). */
	interface Listener {

		void frame(StompConnection connection, int command, byte[] b, int from, int to, long nanos);

	}

	/** When set, MESSAGE and RECEIPT frames go to it instead of the built-in {@code tickets} accounting. */
	volatile Listener listener;

	/** What a connection is asked to do. */
	/** With {@code resumeAfter}, the SUBSCRIBE asks for every event after that seq (null: from now on). */
	record Options(String token, String heartbeat, String destination, boolean slow, Long resumeAfter) {

		Options(String token, String heartbeat, String destination, boolean slow) {
			this(token, heartbeat, destination, slow, null);
		}

	}

	private static final byte[] TICKETS = Frames.ascii("tickets");

	private static final int MAX_PARTIAL = 1 << 20;

	private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[8192]);

	final int index;

	final Options options;

	private final Latency latency;

	final CompletableFuture<StompConnection> ready = new CompletableFuture<>();

	final CompletableFuture<StompConnection> closed = new CompletableFuture<>();

	volatile Channel channel;

	/** Heart-beat intervals agreed in CONNECTED, in ms: how often we must send, how often the server will. */
	volatile long sendEveryMillis;

	volatile long expectEveryMillis;

	volatile long lastReadNanos = System.nanoTime();

	volatile long lastWriteNanos = System.nanoTime();

	volatile String session;

	volatile String errorMessage;

	volatile int closeCode = -1;

	volatile String closeReason;

	volatile long closedAtNanos;

	volatile long lateServerBeats;

	volatile boolean reading = true;

	volatile int localPort;

	// Written only on this connection's event loop thread; read after the run.
	long firstSeq = -1;

	long lastSeq = -1;

	long received;

	long missing;

	long duplicates;

	long heartbeatsReceived;

	long messagesWhilePaused;

	private byte[] partial;

	private int partialLength;

	StompConnection(int index, Options options, Latency latency) {
		this.index = index;
		this.options = options;
		this.latency = latency;
	}

	int localPort() {
		return localPort;
	}

	boolean slow() {
		return options.slow();
	}

	boolean open() {
		Channel current = channel;
		return current != null && current.isActive() && !closed.isDone();
	}

	/** Called on the event loop once the WebSocket handshake is done: take over the frames, send CONNECT. */
	void attach(Channel channel) {
		this.channel = channel;
		if (channel.localAddress() instanceof java.net.InetSocketAddress local) {
			localPort = local.getPort();
		}
		StringBuilder connect = new StringBuilder(256).append("CONNECT\naccept-version:1.2\nhost:lifeline\n");
		if (options.heartbeat() != null) {
			connect.append("heart-beat:").append(options.heartbeat()).append('\n');
		}
		connect.append("Authorization:Bearer ").append(options.token()).append("\n\n\0");
		write(connect.toString());
	}

	void write(String frame) {
		if (DEBUG) {
			System.out.println(">>> " + frame.replace("\n", "|") + " active=" + (channel != null && channel.isActive()));
		}
		Channel current = channel;
		if (current != null) {
			lastWriteNanos = System.nanoTime();
			current.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(frame.getBytes(StandardCharsets.UTF_8))),
					current.voidPromise());
		}
	}

	/** Sends a heart-beat if one is due; returns whether it did. Called from the client's sweep. */
	boolean heartbeatIfDue(long nowNanos) {
		long every = sendEveryMillis;
		if (every <= 0 || !open() || nowNanos - lastWriteNanos < every * 1_000_000) {
			return false;
		}
		write("\n");
		return true;
	}

	/** Counts a server heart-beat as late once the server was silent for twice the agreed interval. */
	void checkServerBeat(long nowNanos) {
		long every = expectEveryMillis;
		if (every > 0 && reading && open() && nowNanos - lastReadNanos > 2 * every * 1_000_000) {
			lateServerBeats++;
			lastReadNanos = nowNanos;
		}
	}

	/** Stops reading (the slow consumer's stall): the socket buffers fill and the server's queue grows. */
	void pauseReading() {
		reading = false;
		channel.config().setAutoRead(false);
	}

	void resumeReading() {
		Channel current = channel;
		if (current == null) {
			return;
		}
		current.eventLoop().execute(() -> {
			reading = true;
			lastReadNanos = System.nanoTime();
			current.config().setAutoRead(true);
			current.read();
		});
	}

	void close() {
		Channel current = channel;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof CloseWebSocketFrame close) {
			closeCode = close.statusCode();
			closeReason = close.reasonText();
			ctx.fireChannelRead(msg);
			return;
		}
		if (!(msg instanceof WebSocketFrame frame) || msg instanceof io.netty.handler.codec.http.websocketx.PingWebSocketFrame
				|| msg instanceof io.netty.handler.codec.http.websocketx.PongWebSocketFrame) {
			ctx.fireChannelRead(msg);
			return;
		}
		try {
			bytes(frame.content());
		}
		finally {
			frame.release();
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		ended(null);
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ended(cause);
		ctx.close();
	}

	void ended(Throwable cause) {
		if (closed.isDone()) {
			return;
		}
		closedAtNanos = System.nanoTime();
		if (!ready.isDone()) {
			ready.completeExceptionally(cause != null ? cause
					: new IllegalStateException("closed before " + (session == null ? "CONNECTED" : "RECEIPT")
							+ (errorMessage == null ? "" : ", ERROR " + errorMessage)
							+ (closeCode < 0 ? ", no close frame" : ", close " + closeCode + " " + closeReason)));
		}
		closed.complete(this);
	}

	private void bytes(ByteBuf content) {
		long now = System.nanoTime();
		lastReadNanos = now;
		int length = content.readableBytes();
		if (partialLength == 0) {
			byte[] scratch = SCRATCH.get();
			if (scratch.length < length) {
				scratch = new byte[Math.max(length, scratch.length * 2)];
				SCRATCH.set(scratch);
			}
			content.getBytes(content.readerIndex(), scratch, 0, length);
			frames(scratch, 0, length);
		}
		else {
			if (partialLength + length > MAX_PARTIAL) {
				throw new IllegalStateException("frame larger than " + MAX_PARTIAL + " bytes");
			}
			if (partial.length < partialLength + length) {
				partial = java.util.Arrays.copyOf(partial, Math.max(partialLength + length, partial.length * 2));
			}
			content.getBytes(content.readerIndex(), partial, partialLength, length);
			int total = partialLength + length;
			partialLength = 0;
			frames(partial, 0, total);
		}
	}

	/** Splits bytes into frames at NUL; EOLs between frames are heart-beats; a tail without NUL waits. */
	private void frames(byte[] b, int from, int to) {
		int i = from;
		while (i < to) {
			int start = i;
			while (i < to && (b[i] == '\n' || b[i] == '\r')) {
				i++;
			}
			if (i > start) {
				heartbeatsReceived++;
			}
			if (i >= to) {
				break;
			}
			int nul = Frames.indexOf(b, i, to, (byte) 0);
			if (nul < 0) {
				keep(b, i, to);
				return;
			}
			frame(b, i, nul);
			i = nul + 1;
		}
		if (partial != null && partial.length > 65536) {
			partial = null;
		}
	}

	private void keep(byte[] b, int from, int to) {
		int length = to - from;
		if (partial == null || partial.length < length) {
			partial = new byte[Math.max(4096, length * 2)];
		}
		System.arraycopy(b, from, partial, 0, length);
		partialLength = length;
	}

	/** {@code -Dbench.debugFrames=true} prints every frame both ways (for one or two connections only). */
	static final boolean DEBUG = Boolean.getBoolean("bench.debugFrames");

	private void frame(byte[] b, int from, int to) {
		if (DEBUG) {
			System.out.println("<<< " + Frames.text(b, from, to).replace("\n", "|"));
		}
		int command = Frames.command(b, from, to);
		Listener current = listener;
		if (current != null && command != Frames.CONNECTED) {
			current.frame(this, command, b, from, to, System.nanoTime());
			if (command != Frames.ERROR) {
				return;
			}
		}
		switch (command) {
			case Frames.MESSAGE -> message(b, Frames.bodyStart(b, from, to), to);
			case Frames.CONNECTED -> connected(b, from, to);
			case Frames.RECEIPT -> {
				if (!ready.isDone()) {
					if (options.slow()) {
						pauseReading();
					}
					ready.complete(this);
				}
			}
			case Frames.ERROR -> {
				errorMessage = Frames.header(b, from, to, "message");
				if (!ready.isDone()) {
					ready.completeExceptionally(new IllegalStateException("ERROR " + errorMessage));
				}
			}
			default -> {
				// nothing else matters here
			}
		}
	}

	private void connected(byte[] b, int from, int to) {
		session = Frames.header(b, from, to, "session");
		String beats = Frames.header(b, from, to, "heart-beat");
		if (beats != null && options.heartbeat() != null) {
			String[] server = beats.split(",");
			String[] client = options.heartbeat().split(",");
			sendEveryMillis = both(Long.parseLong(client[0].strip()), Long.parseLong(server[1].strip()));
			expectEveryMillis = both(Long.parseLong(server[0].strip()), Long.parseLong(client[1].strip()));
		}
		if (options.destination() == null) {
			ready.complete(this);
		}
		else {
			write("SUBSCRIBE\nid:0\ndestination:" + options.destination()
					+ (options.resumeAfter() == null ? "" : "\nresume-after:" + options.resumeAfter())
					+ "\nreceipt:sub-0\n\n\0");
		}
	}

	private void message(byte[] b, int body, int to) {
		if (!reading) {
			messagesWhilePaused++;
		}
		if (!Frames.streamIs(b, body, to, TICKETS)) {
			return;
		}
		long seq = Frames.seq(b, body, to);
		if (seq == Frames.ABSENT) {
			return;
		}
		if (firstSeq < 0) {
			firstSeq = seq;
		}
		else if (seq <= lastSeq) {
			duplicates++;
			return;
		}
		else if (seq > lastSeq + 1) {
			missing += seq - lastSeq - 1;
		}
		lastSeq = seq;
		received++;
		if (!options.slow()) {
			long at = Frames.atMicros(b, body, to);
			if (at != Frames.ABSENT) {
				latency.record(at, nowMicros());
			}
		}
	}

	static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
	}

	private static long both(long a, long b) {
		return a == 0 || b == 0 ? 0 : Math.max(a, b);
	}

}
