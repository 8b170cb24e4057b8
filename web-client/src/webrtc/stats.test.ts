import { describe, expect, it } from 'vitest';
import { inboundVideo } from './stats';

describe('inboundVideo', () => {
  it('reads the inbound video and the selected pair', () => {
    const stats = [
      { id: 'IT01V', type: 'inbound-rtp', kind: 'video', framesDecoded: 42, framesPerSecond: 15, frameWidth: 1280, frameHeight: 720, bytesReceived: 9000, packetsLost: 1, jitter: 0.004 },
      { id: 'IT01A', type: 'inbound-rtp', kind: 'audio', bytesReceived: 500 },
      { id: 'T01', type: 'transport', selectedCandidatePairId: 'CP2' },
      { id: 'CP1', type: 'candidate-pair', currentRoundTripTime: 0.5 },
      { id: 'CP2', type: 'candidate-pair', currentRoundTripTime: 0.002 },
    ];
    expect(inboundVideo(stats)).toEqual({
      framesDecoded: 42,
      framesPerSecond: 15,
      frameWidth: 1280,
      frameHeight: 720,
      bytesReceived: 9000,
      packetsLost: 1,
      jitter: 0.004,
      roundTripTime: 0.002,
    });
  });

  it('falls back to a nominated, succeeded pair and reads zeros before any video', () => {
    const result = inboundVideo([{ id: 'CP1', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.01 }, null, 'x']);
    expect(result).toMatchObject({ framesDecoded: 0, bytesReceived: 0, frameWidth: null, roundTripTime: 0.01 });
  });
});
