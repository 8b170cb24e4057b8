/**
 * Coordinates of remote assistance. Pointer marks and control actions travel as x/y in 0..1 of the
 * shared view (what the customer's getDisplayMedia captures), so they mean the same at any size:
 * the agent maps a point on the video to them, the customer maps them to the portal page.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Where the picture sits inside a video element's box: with `object-fit: contain` the video is scaled
 * to fit and centred, leaving bars left/right or top/bottom. Without a known video size, the whole box.
 */
export function contentBox(box: Rect, videoWidth: number, videoHeight: number): Rect {
  if (!(videoWidth > 0 && videoHeight > 0 && box.width > 0 && box.height > 0)) return box;
  const scale = Math.min(box.width / videoWidth, box.height / videoHeight);
  const width = videoWidth * scale;
  const height = videoHeight * scale;
  return { left: box.left + (box.width - width) / 2, top: box.top + (box.height - height) / 2, width, height };
}

/** A point on the page (client px) over the video as 0..1 of the shared view; null on the bars or outside. */
export function toNormalized(clientX: number, clientY: number, box: Rect, videoWidth: number, videoHeight: number): Point | null {
  const content = contentBox(box, videoWidth, videoHeight);
  if (content.width <= 0 || content.height <= 0) return null;
  const x = (clientX - content.left) / content.width;
  const y = (clientY - content.top) / content.height;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { x, y };
}

/** The inverse: 0..1 of the shared view to a point in the video element's box (px from its top left). */
export function fromNormalized(x: number, y: number, box: Rect, videoWidth: number, videoHeight: number): Point {
  const content = contentBox(box, videoWidth, videoHeight);
  return { x: content.left - box.left + x * content.width, y: content.top - box.top + y * content.height };
}

/** What was shared (MediaTrackSettings.displaySurface), with the window and screen geometry of the page. */
export interface ViewGeometry {
  surface: 'browser' | 'window' | 'monitor' | 'unknown';
  innerWidth: number;
  innerHeight: number;
  outerWidth: number;
  outerHeight: number;
  screenX: number;
  screenY: number;
  screenWidth: number;
  screenHeight: number;
}

export interface ViewportPoint extends Point {
  /** The point falls on the portal page's viewport (not on browser chrome or elsewhere on the screen). */
  inside: boolean;
}

/**
 * A shared-view point (0..1) as a point in the portal page's viewport (CSS px). A shared tab is the
 * viewport itself; a shared window or screen is mapped through the window's position and its frame
 * (the browser's toolbars are taken to be at the top, the borders equal on the other sides), which is
 * as close as a page can know. `inside` is false when the point is not on the page.
 */
export function sharedToViewport(x: number, y: number, geometry: ViewGeometry): ViewportPoint {
  const { innerWidth, innerHeight, outerWidth, outerHeight } = geometry;
  const border = Math.max(0, (outerWidth - innerWidth) / 2);
  const top = Math.max(0, outerHeight - innerHeight - border);
  let px: number;
  let py: number;
  switch (geometry.surface) {
    case 'window':
      px = x * outerWidth - border;
      py = y * outerHeight - top;
      break;
    case 'monitor':
      px = x * geometry.screenWidth - geometry.screenX - border;
      py = y * geometry.screenHeight - geometry.screenY - top;
      break;
    default:
      px = x * innerWidth;
      py = y * innerHeight;
  }
  return { x: px, y: py, inside: px >= 0 && py >= 0 && px < innerWidth && py < innerHeight };
}

/** The geometry of this page now, for a shared track's displaySurface. */
export function currentGeometry(surface: string | undefined, view: Window = window): ViewGeometry {
  const known = surface === 'browser' || surface === 'window' || surface === 'monitor' ? surface : 'unknown';
  return {
    surface: known,
    innerWidth: view.innerWidth,
    innerHeight: view.innerHeight,
    outerWidth: view.outerWidth || view.innerWidth,
    outerHeight: view.outerHeight || view.innerHeight,
    screenX: view.screenX || 0,
    screenY: view.screenY || 0,
    screenWidth: view.screen?.width || view.innerWidth,
    screenHeight: view.screen?.height || view.innerHeight,
  };
}

/** Calls through at most once per `intervalMs`; the last call of a burst is kept and made at the end. */
export function throttle<A extends unknown[]>(call: (...args: A) => void, intervalMs: number, now: () => number = () => Date.now()) {
  let last = -Infinity;
  let pending: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (args: A) => {
    last = now();
    call(...args);
  };
  const wrapped = (...args: A) => {
    const wait = last + intervalMs - now();
    if (wait <= 0 && timer === null) {
      fire(args);
      return;
    }
    pending = args;
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        if (pending) {
          const next = pending;
          pending = null;
          fire(next);
        }
      }, Math.max(0, wait));
    }
  };
  wrapped.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return wrapped;
}
