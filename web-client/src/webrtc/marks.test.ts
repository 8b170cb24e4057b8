import { describe, expect, it } from 'vitest';
import { CLICK_TTL_MS, CURSOR_TTL_MS, EMPTY_MARKS, applyMark, fadeMarks, strokePath, type MarksState } from './marks';
import type { PointerMark } from './protocol';

const marks = (list: [PointerMark, number, number][], now = 0): MarksState =>
  list.reduce((state, [mark, x, y]) => applyMark(state, { mark, x, y }, now), EMPTY_MARKS);

describe('pointer marks', () => {
  it('moves the cursor', () => {
    expect(marks([['move', 0.1, 0.2]]).cursor).toEqual({ x: 0.1, y: 0.2, at: 0 });
  });

  it('adds click ripples that fade', () => {
    const state = marks([['click', 0.5, 0.5]]);
    expect(state.clicks).toHaveLength(1);
    expect(fadeMarks(state, CLICK_TTL_MS - 1)).toBe(state);
    expect(fadeMarks(state, CLICK_TTL_MS).clicks).toEqual([]);
    expect(fadeMarks(state, CURSOR_TTL_MS).cursor).toBeNull();
  });

  it('draws strokes: a draw after another mark starts a new one', () => {
    const state = marks([
      ['move', 0.1, 0.1],
      ['draw', 0.1, 0.1],
      ['draw', 0.2, 0.2],
      ['draw', 0.3, 0.2],
      ['move', 0.6, 0.6],
      ['draw', 0.6, 0.6],
      ['draw', 0.7, 0.7],
    ]);
    expect(state.strokes).toEqual([
      [
        { x: 0.1, y: 0.1 },
        { x: 0.2, y: 0.2 },
        { x: 0.3, y: 0.2 },
      ],
      [
        { x: 0.6, y: 0.6 },
        { x: 0.7, y: 0.7 },
      ],
    ]);
    // strokes do not fade
    expect(fadeMarks(state, 60_000).strokes).toHaveLength(2);
  });

  it('clears drawings and ripples but not the cursor', () => {
    const state = marks([['draw', 0.1, 0.1], ['click', 0.2, 0.2], ['clear', 0, 0]]);
    expect(state.strokes).toEqual([]);
    expect(state.clicks).toEqual([]);
    expect(state.cursor).not.toBeNull();
  });

  it('makes an SVG path in the box', () => {
    expect(strokePath([{ x: 0, y: 0 }, { x: 0.5, y: 1 }], 200, 100)).toBe('M0.0 0.0 L100.0 100.0');
  });
});
