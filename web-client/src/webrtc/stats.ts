/** Reading an RTCPeerConnection's getStats() for the assist viewer (and the browser test). */

export interface InboundVideo {
  framesDecoded: number;
  framesPerSecond: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
  bytesReceived: number;
  packetsLost: number;
  /** Seconds. */
  jitter: number | null;
  /** Seconds, of the selected candidate pair. */
  roundTripTime: number | null;
}

type Loose = Record<string, unknown>;
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The inbound video of a stats report (its values); zeros when there is none yet. */
export function inboundVideo(stats: Iterable<unknown>): InboundVideo {
  const result: InboundVideo = {
    framesDecoded: 0,
    framesPerSecond: null,
    frameWidth: null,
    frameHeight: null,
    bytesReceived: 0,
    packetsLost: 0,
    jitter: null,
    roundTripTime: null,
  };
  let selectedPair: string | null = null;
  const pairs = new Map<string, Loose>();
  for (const value of stats) {
    if (typeof value !== 'object' || value === null) continue;
    const stat = value as Loose;
    if (stat.type === 'inbound-rtp' && (stat.kind === 'video' || stat.mediaType === 'video')) {
      result.framesDecoded += num(stat.framesDecoded) ?? 0;
      result.bytesReceived += num(stat.bytesReceived) ?? 0;
      result.packetsLost += num(stat.packetsLost) ?? 0;
      result.framesPerSecond = num(stat.framesPerSecond) ?? result.framesPerSecond;
      result.frameWidth = num(stat.frameWidth) ?? result.frameWidth;
      result.frameHeight = num(stat.frameHeight) ?? result.frameHeight;
      result.jitter = num(stat.jitter) ?? result.jitter;
    } else if (stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string') {
      selectedPair = stat.selectedCandidatePairId;
    } else if (stat.type === 'candidate-pair' && typeof stat.id === 'string') {
      pairs.set(stat.id, stat);
    }
  }
  const pair = (selectedPair && pairs.get(selectedPair)) || [...pairs.values()].find((candidate) => candidate.nominated === true && candidate.state === 'succeeded');
  if (pair) result.roundTripTime = num(pair.currentRoundTripTime);
  return result;
}

/** The inbound video stats of a peer connection now. */
export async function readInboundVideo(pc: RTCPeerConnection): Promise<InboundVideo> {
  const report = await pc.getStats();
  return inboundVideo(report.values());
}
