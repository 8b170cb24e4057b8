import type { PointerMessage } from './protocol';
import type { Point } from './pointer';

/**
 * The pointer marks on a view, in 0..1 coordinates of the shared view: the agent's cursor, click
 * ripples that fade, and drawn strokes that stay until cleared. A `draw` right after any other mark
 * starts a new stroke (the agent sends a `move` where the pen goes down), so strokes need no ids.
 */
export interface MarksState {
  cursor: (Point & { at: number }) | null;
  clicks: (Point & { at: number; id: number })[];
  strokes: Point[][];
  drawing: boolean;
  nextId: number;
}

export const EMPTY_MARKS: MarksState = { cursor: null, clicks: [], strokes: [], drawing: false, nextId: 1 };

export const CURSOR_TTL_MS = 4000;
export const CLICK_TTL_MS = 1500;
const MAX_STROKES = 50;
const MAX_POINTS = 2000;

export function applyMark(state: MarksState, mark: Pick<PointerMessage, 'x' | 'y' | 'mark'>, now: number): MarksState {
  const point = { x: mark.x, y: mark.y };
  switch (mark.mark) {
    case 'move':
      return { ...state, cursor: { ...point, at: now }, drawing: false };
    case 'click':
      return {
        ...state,
        cursor: { ...point, at: now },
        clicks: [...state.clicks, { ...point, at: now, id: state.nextId }].slice(-20),
        drawing: false,
        nextId: state.nextId + 1,
      };
    case 'draw': {
      if (state.drawing && state.strokes.length > 0) {
        const strokes = [...state.strokes];
        const last = strokes[strokes.length - 1]!;
        strokes[strokes.length - 1] = last.length >= MAX_POINTS ? last : [...last, point];
        return { ...state, cursor: { ...point, at: now }, strokes };
      }
      return { ...state, cursor: { ...point, at: now }, strokes: [...state.strokes, [point]].slice(-MAX_STROKES), drawing: true };
    }
    case 'clear':
      return { ...state, clicks: [], strokes: [], drawing: false };
    default:
      return state;
  }
}

/** Drops faded click ripples and an idle cursor; the same state when nothing faded. */
export function fadeMarks(state: MarksState, now: number): MarksState {
  const clicks = state.clicks.filter((click) => now - click.at < CLICK_TTL_MS);
  const cursor = state.cursor && now - state.cursor.at < CURSOR_TTL_MS ? state.cursor : null;
  if (clicks.length === state.clicks.length && cursor === state.cursor) return state;
  return { ...state, clicks, cursor };
}

/** An SVG path for a stroke scaled to a width x height box. */
export function strokePath(points: readonly Point[], width: number, height: number): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${(point.x * width).toFixed(1)} ${(point.y * height).toFixed(1)}`).join(' ');
}
