import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { AssistScope, User } from '../api/types';
import { isLiveSession, mergeSession, msLeft, type AssistSessionView, type LinkState } from '../webrtc/assistState';
import { applyControl, type ControlOutcome } from '../webrtc/cobrowse';
import { CustomerShare, pickScreen } from '../webrtc/customerShare';
import { EMPTY_MARKS, applyMark, fadeMarks, type MarksState } from '../webrtc/marks';
import { currentGeometry, sharedToViewport } from '../webrtc/pointer';
import { signalingSocketUrl, type ControlMessage, type PointerMessage } from '../webrtc/protocol';
import { createAssistApi } from './assistApi';
import { assistEventSession } from './useTicketAssist';

export type EndKind = 'you' | 'browser' | 'agent' | 'expired' | 'ticket-closed' | 'reassigned' | 'lost' | 'failed';

export interface EndNotice {
  kind: EndKind;
  agentName: string;
  ticketNumber: number | undefined;
}

export interface Sharing {
  session: AssistSessionView;
  link: LinkState;
  surface: string | undefined;
}

export interface CobrowseToast {
  id: number;
  outcome: ControlOutcome;
  agentName: string;
  /** Where the element was (viewport px), for the highlight. */
  rect: { left: number; top: number; width: number; height: number } | null;
}

export interface CustomerAssist {
  /** The request to show in the consent dialog, if any. */
  request: AssistSessionView | null;
  skewMs: number;
  sharing: Sharing | null;
  /** A consented session this tab is not sharing to (after a reload): resume or stop it. */
  paused: AssistSessionView | null;
  notice: EndNotice | null;
  marks: MarksState;
  toasts: CobrowseToast[];
  busy: boolean;
  /** Why the last Allow / Resume did not start sharing: 'cancelled' (the picker was closed) or an error. */
  problem: unknown;
  receive: (event: { type: string; at: string; data?: unknown }) => void;
  /** Loads a ticket's sessions (the ticket page does, for a request or a session from before the page opened). */
  watchTicket: (ticketId: string) => void;
  allow: (scopes: AssistScope[]) => Promise<void>;
  decline: () => Promise<void>;
  stop: () => Promise<void>;
  resume: () => Promise<void>;
  /** Revokes a paused consent (one this tab does not share to). */
  stopPaused: () => Promise<void>;
  narrow: (scope: AssistScope) => Promise<void>;
  dismissNotice: () => void;
  dismissProblem: () => void;
}

const MAX_TOASTS = 4;
const TOAST_MS = 4000;

const endKindFor = (session: AssistSessionView | null, state: string): EndKind => {
  if (state === 'EXPIRED') return 'expired';
  if (state === 'REVOKED') return 'you';
  if (session?.endReason === 'ticket-closed') return 'ticket-closed';
  if (session?.endReason === 'reassigned') return 'reassigned';
  return 'agent';
};

/** Whose screen is shared (html class) so password, payment and private fields are masked in the capture. */
const SHARING_CLASS = 'assist-sharing';

/**
 * The customer's side of remote assistance for the whole portal page (it stays while the customer
 * moves between pages of the portal): the consent dialog's request, sharing (getDisplayMedia, consent,
 * join, the peer link), pointer marks, co-browse, the end notice.
 */
export function useCustomerAssist(api: ApiClient, user: User): CustomerAssist {
  const assistApi = useMemo(() => createAssistApi(api), [api]);
  const [sessions, setSessions] = useState<AssistSessionView[]>([]);
  const [skewMs, setSkew] = useState(0);
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set());
  const [sharing, setSharing] = useState<Sharing | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [notice, setNotice] = useState<EndNotice | null>(null);
  const [marks, setMarks] = useState<MarksState>(EMPTY_MARKS);
  const [toasts, setToasts] = useState<CobrowseToast[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [now, setNow] = useState(() => Date.now());
  const shareRef = useRef<{ link: CustomerShare; session: AssistSessionView; ending: EndKind | null } | null>(null);
  const shownRef = useRef(new Set<string>());
  const watched = useRef(new Set<string>());
  const toastId = useRef(1);

  const merge = useCallback((session: AssistSessionView | null) => {
    if (session) setSessions((list) => mergeSession(list, session));
  }, []);

  /** Ends the local share (idempotent) and says why. */
  const finish = useCallback((kind: EndKind) => {
    const current = shareRef.current;
    if (!current) return;
    if (current.ending === null) current.ending = kind;
    shareRef.current = null;
    current.link.stop();
    setSharing(null);
    setMarks(EMPTY_MARKS);
    setNotice({ kind: current.ending, agentName: current.session.agentName ?? '', ticketNumber: current.session.ticketNumber });
  }, []);

  const revoke = useCallback(
    (id: string) =>
      assistApi
        .revoke(id)
        .then(merge)
        .catch(() => undefined),
    [assistApi, merge],
  );

  const receive = useCallback(
    (event: { type: string; at: string; data?: unknown }) => {
      const session = assistEventSession(event);
      if (!session) return;
      if (session.customerId && session.customerId !== user.id) return;
      const at = Date.parse(event.at);
      if (Number.isFinite(at)) setSkew(at - Date.now());
      merge(session);
      const current = shareRef.current;
      if (current && current.session.id === session.id && !isLiveSession(session)) finish(endKindFor(session, session.state));
    },
    [finish, merge, user.id],
  );

  const watchTicket = useCallback(
    (ticketId: string) => {
      if (watched.current.has(ticketId)) return;
      watched.current.add(ticketId);
      assistApi
        .ofTicket(ticketId)
        .then((list) => list.forEach(merge))
        .catch(() => watched.current.delete(ticketId));
    },
    [assistApi, merge],
  );

  const onControl = useCallback((message: ControlMessage) => {
    const current = shareRef.current;
    if (!current) return;
    const surface = current.link.surface;
    const outcome = applyControl(message, {
      document,
      window,
      toViewport: (x, y) => sharedToViewport(x, y, currentGeometry(surface)),
    });
    const box = outcome.target?.getBoundingClientRect?.();
    const toast: CobrowseToast = {
      id: toastId.current++,
      outcome,
      agentName: current.session.agentName ?? '',
      rect: box && box.width + box.height > 0 ? { left: box.left, top: box.top, width: box.width, height: box.height } : null,
    };
    setToasts((list) => [...list, toast].slice(-MAX_TOASTS));
    setTimeout(() => setToasts((list) => list.filter((entry) => entry.id !== toast.id)), TOAST_MS);
  }, []);

  const onPointer = useCallback((message: PointerMessage) => setMarks((current) => applyMark(current, message, Date.now())), []);

  /** Joins a consented session with a picked screen and starts the link. */
  const startShare = useCallback(
    async (session: AssistSessionView, stream: MediaStream) => {
      let join;
      try {
        join = await assistApi.join(session.id);
      } catch (failure) {
        for (const track of stream.getTracks()) track.stop();
        throw failure;
      }
      const link: CustomerShare = new CustomerShare({
        join,
        stream,
        socketUrl: signalingSocketUrl(join.signalingUrl, window.location),
        onState: (state) => {
          const current = shareRef.current;
          if (!current || current.link !== link) return;
          if (state.phase === 'closed') {
            const kind: EndKind =
              state.closedBy === 'revoked' ? 'you' : state.closedBy === 'expired' ? 'expired' : state.closedBy === 'ended' ? (state.endReason === 'ticket-closed' ? 'ticket-closed' : state.endReason === 'reassigned' ? 'reassigned' : 'agent') : state.closedBy === 'failed' ? 'failed' : 'lost';
            // the capture stopped with the link: a consent that no longer shares anything is withdrawn
            if (kind === 'lost' || kind === 'failed') void revoke(session.id);
            finish(kind);
            return;
          }
          setSharing((previous) => (previous && previous.session.id === session.id ? { ...previous, link: state } : previous));
        },
        onPointer,
        onControl,
        onSourceEnded: () => {
          const current = shareRef.current;
          if (!current || current.link !== link) return;
          current.ending = 'browser';
          finish('browser');
          void revoke(session.id);
        },
      });
      shareRef.current = { link, session, ending: null };
      setNotice(null);
      setSharing({ session, link: link.state, surface: link.surface });
      link.start();
    },
    [assistApi, finish, onControl, onPointer, revoke],
  );

  const request = useMemo(() => {
    const candidates = sessions.filter((session) => session.state === 'REQUESTED' && !handled.has(session.id) && msLeft(session.expiresAt, now, skewMs) > 0);
    return candidates[0] ?? null;
  }, [sessions, handled, now, skewMs]);

  // the dialog's countdown and the disappearance of an unanswered request need a clock
  useEffect(() => {
    if (!sessions.some((session) => session.state === 'REQUESTED')) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [sessions]);

  // tell the server (and so the agent and the audit trail) the dialog is on screen, once per request
  useEffect(() => {
    if (!request || shownRef.current.has(request.id)) return;
    shownRef.current.add(request.id);
    void assistApi
      .shown(request.id)
      .then(merge)
      .catch(() => undefined);
  }, [assistApi, merge, request]);

  const allow = useCallback(
    async (scopes: AssistScope[]) => {
      const session = request;
      if (!session || busy) return;
      setBusy(true);
      setProblem(null);
      setPending(session.id);
      try {
        // the picker first, while the click still counts as the customer's gesture
        const stream = await pickScreenOr(setProblem);
        if (!stream) return;
        let consented: AssistSessionView;
        try {
          consented = await assistApi.consent(session.id, scopes.includes('view') ? scopes : ['view', ...scopes]);
        } catch (failure) {
          for (const track of stream.getTracks()) track.stop();
          setProblem(failure);
          setHandled((ids) => new Set(ids).add(session.id));
          return;
        }
        merge(consented);
        setHandled((ids) => new Set(ids).add(session.id));
        await startShare({ ...session, ...consented }, stream);
      } catch (failure) {
        setProblem(failure);
        void revoke(session.id);
      } finally {
        setPending(null);
        setBusy(false);
      }
    },
    [assistApi, busy, merge, request, revoke, startShare],
  );

  const decline = useCallback(async () => {
    const session = request;
    if (!session) return;
    setHandled((ids) => new Set(ids).add(session.id));
    setProblem(null);
    try {
      merge(await assistApi.decline(session.id));
    } catch {
      // it may have expired meanwhile: either way it is not answered with yes
    }
  }, [assistApi, merge, request]);

  const stop = useCallback(async () => {
    const current = shareRef.current;
    if (!current) return;
    current.ending = 'you';
    // the capture stops at once; the revoke tells the server (which closes the agent's side too)
    finish('you');
    await revoke(current.session.id);
  }, [finish, revoke]);

  const paused = useMemo(() => {
    if (sharing) return null;
    return sessions.find((session) => (session.state === 'CONSENTED' || session.state === 'ACTIVE') && session.id !== pending && (!session.customerId || session.customerId === user.id)) ?? null;
  }, [sessions, sharing, pending, user.id]);

  const resume = useCallback(async () => {
    const session = paused;
    if (!session || busy) return;
    setBusy(true);
    setProblem(null);
    setPending(session.id);
    try {
      const stream = await pickScreenOr(setProblem);
      if (!stream) return;
      await startShare(session, stream);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setPending(null);
      setBusy(false);
    }
  }, [busy, paused, startShare]);

  const stopPaused = useCallback(async () => {
    const session = paused;
    if (!session) return;
    await revoke(session.id);
    setNotice({ kind: 'you', agentName: session.agentName ?? '', ticketNumber: session.ticketNumber });
  }, [paused, revoke]);

  const narrow = useCallback(
    async (scope: AssistScope) => {
      const current = shareRef.current;
      const session = current?.session ?? paused;
      if (!session || scope === 'view') return;
      const granted = current ? current.link.state.grantedScopes : session.grantedScopes;
      try {
        merge(await assistApi.narrow(session.id, granted.filter((entry) => entry !== scope)));
      } catch (failure) {
        setProblem(failure);
      }
    },
    [assistApi, merge, paused],
  );

  // mask private fields in what is captured while sharing
  useEffect(() => {
    if (!sharing) return;
    document.documentElement.classList.add(SHARING_CLASS);
    return () => document.documentElement.classList.remove(SHARING_CLASS);
  }, [sharing]);

  // pointer marks fade
  useEffect(() => {
    if (!sharing) return;
    const timer = setInterval(() => setMarks((current) => fadeMarks(current, Date.now())), 250);
    return () => clearInterval(timer);
  }, [sharing]);

  // leaving the page ends the share (the capture stops with the tab anyway); say so to the server
  useEffect(() => {
    const leave = () => {
      const current = shareRef.current;
      if (current) {
        current.link.stop();
        void revoke(current.session.id);
      }
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      shareRef.current?.link.stop();
    };
  }, [revoke]);

  return {
    request,
    skewMs,
    sharing,
    paused,
    notice,
    marks,
    toasts,
    busy,
    problem,
    receive,
    watchTicket,
    allow,
    decline,
    stop,
    resume,
    stopPaused,
    narrow,
    dismissNotice: useCallback(() => setNotice(null), []),
    dismissProblem: useCallback(() => setProblem(null), []),
  };
}

/** The browser's screen picker; a refusal or failure goes to `report` (closing the picker is "cancelled"). */
async function pickScreenOr(report: (problem: unknown) => void): Promise<MediaStream | null> {
  try {
    return await pickScreen();
  } catch (failure) {
    report((failure as { name?: string })?.name === 'NotAllowedError' ? 'cancelled' : failure);
    return null;
  }
}
