import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentBox, fromNormalized, sharedToViewport, throttle, toNormalized, type ViewGeometry } from './pointer';

const box = { left: 100, top: 50, width: 800, height: 600 };

describe('video letterboxing', () => {
  it('fits a wide picture with bars top and bottom', () => {
    // 1600x900 into 800x600: scale 0.5 -> 800x450, 75 px bars
    expect(contentBox(box, 1600, 900)).toEqual({ left: 100, top: 125, width: 800, height: 450 });
  });

  it('fits a tall picture with bars left and right', () => {
    expect(contentBox(box, 600, 900)).toEqual({ left: 300, top: 50, width: 400, height: 600 });
  });

  it('uses the whole box before the video size is known', () => {
    expect(contentBox(box, 0, 0)).toBe(box);
  });

  it('maps a click on the picture to 0..1 and back', () => {
    expect(toNormalized(500, 350, box, 1600, 900)).toEqual({ x: 0.5, y: 0.5 });
    expect(toNormalized(100, 125, box, 1600, 900)).toEqual({ x: 0, y: 0 });
    expect(toNormalized(900, 575, box, 1600, 900)).toEqual({ x: 1, y: 1 });
    const point = fromNormalized(0.25, 0.75, box, 1600, 900);
    expect(point).toEqual({ x: 200, y: 75 + 337.5 });
    expect(toNormalized(box.left + point.x, box.top + point.y, box, 1600, 900)).toEqual({ x: 0.25, y: 0.75 });
  });

  it('ignores points on the bars', () => {
    expect(toNormalized(500, 100, box, 1600, 900)).toBeNull();
    expect(toNormalized(500, 590, box, 1600, 900)).toBeNull();
  });
});

describe('shared view to the portal viewport', () => {
  const geometry: ViewGeometry = {
    surface: 'browser',
    innerWidth: 1200,
    innerHeight: 700,
    outerWidth: 1216,
    outerHeight: 800,
    screenX: 100,
    screenY: 40,
    screenWidth: 1920,
    screenHeight: 1080,
  };

  it('maps a shared tab one to one', () => {
    expect(sharedToViewport(0.5, 0.5, geometry)).toEqual({ x: 600, y: 350, inside: true });
    expect(sharedToViewport(1, 1, geometry).inside).toBe(false);
  });

  it('maps a shared window through its frame (toolbars on top)', () => {
    // border 8 px each side, toolbars 800 - 700 - 8 = 92 px
    const point = sharedToViewport(0.5, 0.5, { ...geometry, surface: 'window' });
    expect(point).toEqual({ x: 608 - 8, y: 400 - 92, inside: true });
    expect(sharedToViewport(0.5, 0.05, { ...geometry, surface: 'window' }).inside).toBe(false);
  });

  it('maps a shared screen through the window position', () => {
    const point = sharedToViewport(0.5, 0.5, { ...geometry, surface: 'monitor' });
    expect(point.x).toBeCloseTo(960 - 100 - 8);
    expect(point.y).toBeCloseTo(540 - 40 - 92);
    expect(point.inside).toBe(true);
    expect(sharedToViewport(0.01, 0.5, { ...geometry, surface: 'monitor' }).inside).toBe(false);
  });
});

describe('throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('passes the first call, keeps the last of a burst and sends it at the end', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const send = throttle((value: number) => calls.push(value), 50);
    send(1);
    send(2);
    send(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([1, 3]);
    vi.advanceTimersByTime(100);
    send(4);
    expect(calls).toEqual([1, 3, 4]);
    send(5);
    send.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 3, 4]);
  });
});
