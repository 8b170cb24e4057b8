/**
 * A short beep for SLA alerts, made with WebAudio (no audio files): a sine tone with a quick fade in
 * and out, once for a warning, twice for a breach, three times for an escalation. Browsers only let
 * a page make sound after the user did something on it, so the AudioContext is made (or resumed)
 * when the user turns sound on, and beeps are skipped while it is not running.
 */

export type BeepKind = 'warning' | 'breached' | 'escalated';

/** The parts of WebAudio used here (so tests can stand in for them). */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    type: string;
    frequency: { value: number };
    connect(node: unknown): unknown;
    start(when?: number): void;
    stop(when?: number): void;
  };
  createGain(): {
    gain: { setValueAtTime(value: number, time: number): unknown; linearRampToValueAtTime(value: number, time: number): unknown };
    connect(node: unknown): unknown;
  };
}

const TONES: Record<BeepKind, { frequency: number; count: number }> = {
  warning: { frequency: 660, count: 1 },
  breached: { frequency: 880, count: 2 },
  escalated: { frequency: 988, count: 3 },
};

const TONE_S = 0.16;
const GAP_S = 0.09;
const VOLUME = 0.2;

export interface Beeper {
  /** Make the audio context (call from a click, so the browser allows it to play). */
  prime(): void;
  beep(kind: BeepKind): void;
}

function defaultAudioContext(): AudioContextLike | null {
  const Constructor =
    (globalThis as { AudioContext?: new () => AudioContextLike }).AudioContext ??
    (globalThis as { webkitAudioContext?: new () => AudioContextLike }).webkitAudioContext;
  return Constructor ? new Constructor() : null;
}

export function createBeeper(makeContext: () => AudioContextLike | null = defaultAudioContext): Beeper {
  let context: AudioContextLike | null = null;
  const ensure = () => {
    if (!context) {
      try {
        context = makeContext();
      } catch {
        context = null;
      }
    }
    return context;
  };
  return {
    prime() {
      const audio = ensure();
      if (audio && audio.state !== 'running') void audio.resume().catch(() => undefined);
    },
    beep(kind) {
      const audio = ensure();
      if (!audio) return;
      if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
      const { frequency, count } = TONES[kind];
      for (let i = 0; i < count; i += 1) {
        const start = audio.currentTime + 0.01 + i * (TONE_S + GAP_S);
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0, start);
        gain.gain.linearRampToValueAtTime(VOLUME, start + 0.02);
        gain.gain.linearRampToValueAtTime(0, start + TONE_S);
        oscillator.connect(gain);
        gain.connect(audio.destination);
        oscillator.start(start);
        oscillator.stop(start + TONE_S + 0.01);
      }
    },
  };
}

/** localStorage key of the sound switch (`on` / `off`; off when absent). */
export const SOUND_KEY = 'lifeline.alertSound';

export function loadSoundOn(): boolean {
  try {
    return globalThis.localStorage?.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveSoundOn(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
