import { describe, expect, it, vi } from 'vitest';
import { createBeeper, loadSoundOn, saveSoundOn, SOUND_KEY, type AudioContextLike } from './sound';

function fakeAudio(state = 'running') {
  const tones: { frequency: number; start: number; stop: number; type: string }[] = [];
  const ramps: [number, number][] = [];
  const context = {
    currentTime: 10,
    state,
    destination: {},
    resume: vi.fn(async () => {
      context.state = 'running';
    }),
    createOscillator: () => {
      const tone = { frequency: 0, start: 0, stop: 0, type: '' };
      tones.push(tone);
      return {
        set type(value: string) {
          tone.type = value;
        },
        get type() {
          return tone.type;
        },
        frequency: {
          set value(hz: number) {
            tone.frequency = hz;
          },
          get value() {
            return tone.frequency;
          },
        },
        connect: () => undefined,
        start: (when = 0) => {
          tone.start = when;
        },
        stop: (when = 0) => {
          tone.stop = when;
        },
      };
    },
    createGain: () => ({
      gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: (value: number, time: number) => ramps.push([value, time]) },
      connect: () => undefined,
    }),
  };
  return { context: context as AudioContextLike & { state: string }, tones, ramps };
}

describe('createBeeper', () => {
  it('beeps once for a warning, twice for a breach, three times for an escalation, with short sine tones', () => {
    const audio = fakeAudio();
    const beeper = createBeeper(() => audio.context);
    beeper.beep('warning');
    expect(audio.tones).toHaveLength(1);
    expect(audio.tones[0]).toMatchObject({ type: 'sine', frequency: 660 });
    const tone = audio.tones[0] as { start: number; stop: number };
    expect(tone.start).toBeGreaterThanOrEqual(10);
    expect(tone.stop - tone.start).toBeLessThan(0.25);
    // it fades in and out instead of clicking
    expect(audio.ramps.map(([value]) => value)).toEqual([expect.any(Number), 0]);

    beeper.beep('breached');
    beeper.beep('escalated');
    expect(audio.tones.map((entry) => entry.frequency)).toEqual([660, 880, 880, 988, 988, 988]);
    const [, first, second] = audio.tones as { start: number; stop: number }[];
    expect((second as { start: number }).start).toBeGreaterThan((first as { stop: number }).stop);
  });

  it('makes the audio context once, on prime (a click) or the first beep, and resumes a suspended one', () => {
    const audio = fakeAudio('suspended');
    const make = vi.fn(() => audio.context);
    const beeper = createBeeper(make);
    expect(make).not.toHaveBeenCalled();
    beeper.prime();
    beeper.beep('warning');
    expect(make).toHaveBeenCalledTimes(1);
    expect(audio.context.resume).toHaveBeenCalled();
  });

  it('is silent where the browser has no WebAudio', () => {
    const beeper = createBeeper(() => null);
    expect(() => beeper.beep('breached')).not.toThrow();
    expect(() => createBeeper(() => { throw new Error('not allowed'); }).beep('warning')).not.toThrow();
  });
});

describe('the sound switch', () => {
  it('is off until turned on, and remembered', () => {
    expect(loadSoundOn()).toBe(false);
    saveSoundOn(true);
    expect(localStorage.getItem(SOUND_KEY)).toBe('on');
    expect(loadSoundOn()).toBe(true);
    saveSoundOn(false);
    expect(loadSoundOn()).toBe(false);
  });
});
