import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/I18nProvider';
import type { AssistSessionView } from '../webrtc/assistState';
import { hasScope } from '../webrtc/assistState';
import { EMPTY_MARKS, applyMark, fadeMarks, type MarksState } from '../webrtc/marks';
import { contentBox, throttle, toNormalized, type Point } from '../webrtc/pointer';
import { MAX_CONTROL_TEXT, type PointerMark } from '../webrtc/protocol';
import { readInboundVideo, type InboundVideo } from '../webrtc/stats';
import { MarksLayer } from './MarksLayer';
import type { AgentLink } from './useAgentLink';

type Tool = 'pointer' | 'draw' | 'control';

const SPECIAL_KEYS = new Set(['Backspace', 'Enter', 'Tab']);

/**
 * The customer's screen on the agent's side, over the page: the live video, the agent's own marks
 * drawn on it, the pointer tools (point and click marks, draw, clear), co-browse control when
 * granted (clicks, wheel and typing go to the customer's portal page), the link's stats, and End.
 */
export function AssistViewer({
  session,
  link,
  customerName,
  ticketNumber,
  busy,
  onEnd,
}: {
  session: AssistSessionView;
  link: AgentLink;
  customerName: string;
  ticketNumber: number;
  busy: boolean;
  onEnd: () => void;
}) {
  const t = useT();
  const { view, stream, state } = link;
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const stageRef = useRef<HTMLDivElement | null>(null);
  const [tool, setTool] = useState<Tool>('pointer');
  const [marks, setMarks] = useState<MarksState>(EMPTY_MARKS);
  const [stats, setStats] = useState<InboundVideo | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0, videoWidth: 0, videoHeight: 0 });
  const [minimized, setMinimized] = useState(false);
  const [text, setText] = useState('');
  const drawing = useRef(false);
  const canPoint = hasScope(state, 'pointer');
  const canControl = hasScope(state, 'control');
  const activeTool: Tool = tool === 'control' && !canControl ? 'pointer' : tool;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (!stream) {
      view?.reportMedia(false);
      return;
    }
    let stopped = false;
    const firstFrame = () => {
      if (!stopped) view?.reportMedia(true);
    };
    const withFrames = video as HTMLVideoElement & { requestVideoFrameCallback?: (callback: () => void) => number };
    if (typeof withFrames.requestVideoFrameCallback === 'function') withFrames.requestVideoFrameCallback(firstFrame);
    else video.addEventListener('loadeddata', firstFrame, { once: true });
    void video.play().catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [stream, view]);

  // the stage size and the video's own size, for mapping points
  useEffect(() => {
    const stage = stageRef.current;
    const video = videoRef.current;
    if (!stage || !video) return;
    const measure = () => setSize({ width: stage.clientWidth, height: stage.clientHeight, videoWidth: video.videoWidth, videoHeight: video.videoHeight });
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(stage);
    video.addEventListener('resize', measure);
    video.addEventListener('loadedmetadata', measure);
    return () => {
      observer?.disconnect();
      video.removeEventListener('resize', measure);
      video.removeEventListener('loadedmetadata', measure);
    };
  }, [minimized]);

  // stats once a second
  useEffect(() => {
    if (!view) return;
    const timer = setInterval(() => {
      const pc = view.peer;
      if (pc) void readInboundVideo(pc).then(setStats, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [view]);

  // ripples and the cursor fade
  useEffect(() => {
    const timer = setInterval(() => setMarks((current) => fadeMarks(current, Date.now())), 250);
    return () => clearInterval(timer);
  }, []);

  const mark = useCallback(
    (point: Point, kind: PointerMark) => {
      if (!view?.sendPointer(point.x, point.y, kind)) return;
      setMarks((current) => applyMark(current, { ...point, mark: kind }, Date.now()));
    },
    [view],
  );
  const sendMove = useMemo(() => throttle((point: Point) => mark(point, 'move'), 50), [mark]);
  const sendDraw = useMemo(() => throttle((point: Point) => mark(point, 'draw'), 33), [mark]);
  useEffect(() => () => {
    sendMove.cancel();
    sendDraw.cancel();
  }, [sendMove, sendDraw]);

  const pointOf = (event: { clientX: number; clientY: number }): Point | null => {
    const video = videoRef.current;
    if (!video) return null;
    const rect = video.getBoundingClientRect();
    return toNormalized(event.clientX, event.clientY, rect, video.videoWidth, video.videoHeight);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const point = pointOf(event);
    stageRef.current?.focus({ preventScroll: true });
    if (!point) return;
    if (activeTool === 'draw' && canPoint) {
      drawing.current = true;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      mark(point, 'move');
      mark(point, 'draw');
    }
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const point = pointOf(event);
    if (!point || !canPoint) return;
    if (activeTool === 'draw' && drawing.current) sendDraw(point);
    else if (activeTool !== 'draw') sendMove(point);
  };
  const onPointerUp = () => {
    drawing.current = false;
  };
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const point = pointOf(event);
    if (!point) return;
    if (activeTool === 'control') {
      view?.sendControl({ action: 'click', x: point.x, y: point.y });
      if (canPoint) mark(point, 'click');
    } else if (activeTool === 'pointer' && canPoint) {
      mark(point, 'click');
    }
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (activeTool !== 'control') return;
    const video = videoRef.current;
    if (!video) return;
    const content = contentBox(video.getBoundingClientRect(), video.videoWidth, video.videoHeight);
    const clamp = (value: number) => Math.max(-1, Math.min(1, value));
    const point = pointOf(event);
    view?.sendControl({
      action: 'scroll',
      dx: clamp(event.deltaX / Math.max(1, content.width)),
      dy: clamp(event.deltaY / Math.max(1, content.height)),
      ...(point ? { x: point.x, y: point.y } : {}),
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (activeTool !== 'control' || event.ctrlKey || event.metaKey || event.altKey) return;
    if ([...event.key].length === 1 || SPECIAL_KEYS.has(event.key)) {
      event.preventDefault();
      view?.sendControl({ action: 'key', key: event.key });
    }
  };
  const sendText = () => {
    if (!text) return;
    if (view?.sendControl({ action: 'input', text })) setText('');
  };

  const content = contentBox({ left: 0, top: 0, width: size.width, height: size.height }, size.videoWidth, size.videoHeight);
  const waiting = !stream || !state.media;

  return createPortal(
    <section
      className={`assist-viewer${minimized ? ' minimized' : ''}`}
      aria-label={t('assist.viewer.title', { name: customerName, number: ticketNumber })}
      data-testid="assist-viewer"
      data-phase={state.phase}
    >
      <header className="assist-viewer-head">
        <strong>{t('assist.viewer.title', { name: customerName, number: ticketNumber })}</strong>
        <span className={`assist-phase phase-${state.phase}`} data-testid="assist-link-phase">
          {t(`assist.agent.link.${state.phase}`, { name: customerName })}
        </span>
        <button type="button" className="button button-small button-quiet" onClick={() => setMinimized((value) => !value)}>
          {minimized ? t('assist.viewer.restore') : t('assist.viewer.minimize')}
        </button>
        <button type="button" className="button button-small button-danger" data-testid="assist-viewer-end" disabled={busy} onClick={onEnd}>
          {t('assist.end')}
        </button>
      </header>
      {!minimized && (
        <>
          <div className="assist-tools" role="toolbar" aria-label={t('assist.tools')}>
            {canPoint && (
              <>
                <ToolButton tool="pointer" active={activeTool} onPick={setTool} label={t('assist.tool.pointer')} />
                <ToolButton tool="draw" active={activeTool} onPick={setTool} label={t('assist.tool.draw')} />
                <button type="button" className="button button-small" data-testid="assist-tool-clear" onClick={() => mark({ x: 0, y: 0 }, 'clear')}>
                  {t('assist.tool.clear')}
                </button>
              </>
            )}
            {canControl && <ToolButton tool="control" active={activeTool} onPick={setTool} label={t('assist.tool.control')} />}
            {!canPoint && !canControl && <span className="muted">{t('assist.viewOnly')}</span>}
            {activeTool === 'control' && (
              <form
                className="assist-type"
                onSubmit={(event) => {
                  event.preventDefault();
                  sendText();
                }}
              >
                <label className="visually-hidden" htmlFor="assist-type-text">
                  {t('assist.typeLabel')}
                </label>
                <input id="assist-type-text" value={text} maxLength={MAX_CONTROL_TEXT} placeholder={t('assist.typeLabel')} onChange={(event) => setText(event.target.value)} />
                <button type="submit" className="button button-small">
                  {t('assist.typeSend')}
                </button>
              </form>
            )}
          </div>
          <div
            ref={stageRef}
            className={`assist-stage tool-${activeTool}`}
            tabIndex={0}
            data-testid="assist-stage"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onClick={onClick}
            onWheel={onWheel}
            onKeyDown={onKeyDown}
          >
            <video ref={videoRef} className="assist-video" data-testid="assist-video" autoPlay muted playsInline />
            <MarksLayer marks={marks} box={content} width={size.width} height={size.height} testId="assist-agent-marks" />
            {waiting && <p className="assist-stage-waiting">{t(`assist.agent.link.${state.phase}`, { name: customerName })}</p>}
          </div>
          <p className="assist-stats muted" data-testid="assist-stats" data-frames-decoded={stats?.framesDecoded ?? 0}>
            {stats && stats.framesDecoded > 0
              ? t('assist.stats', {
                  fps: Math.round(stats.framesPerSecond ?? 0),
                  width: stats.frameWidth ?? 0,
                  height: stats.frameHeight ?? 0,
                  rtt: stats.roundTripTime === null ? '—' : Math.round(stats.roundTripTime * 1000),
                  frames: stats.framesDecoded,
                })
              : t('assist.stats.none')}
          </p>
          <p className="muted assist-reason">{t('assist.reasonShown', { reason: session.reason })}</p>
        </>
      )}
    </section>,
    document.body,
  );
}

function ToolButton({ tool, active, onPick, label }: { tool: Tool; active: Tool; onPick: (tool: Tool) => void; label: string }) {
  return (
    <button type="button" className={`button button-small${active === tool ? ' button-primary' : ''}`} aria-pressed={active === tool} data-testid={`assist-tool-${tool}`} onClick={() => onPick(tool)}>
      {label}
    </button>
  );
}
