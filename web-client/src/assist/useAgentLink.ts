import { useCallback, useEffect, useRef, useState } from 'react';
import { INITIAL_LINK, type AssistSessionView, type LinkState } from '../webrtc/assistState';
import { AgentView } from '../webrtc/agentView';
import { signalingSocketUrl } from '../webrtc/protocol';
import type { AssistApi } from './assistApi';

export interface AgentLink {
  state: LinkState;
  stream: MediaStream | null;
  view: AgentView | null;
  /** Joining failed (the REST call): why. */
  joinError: unknown;
  /** Join again (after the connection was lost). */
  rejoin: () => void;
}

/**
 * The agent's live link to a consented session: joins (POST join, then /signal with its token) as soon
 * as the session is CONSENTED or ACTIVE, answers the customer's offer, and closes when the session
 * ends, the component goes, or another session takes its place.
 */
export function useAgentLink(assist: AssistApi, session: AssistSessionView | null): AgentLink {
  const [state, setState] = useState<LinkState>(INITIAL_LINK);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [joinError, setJoinError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const viewRef = useRef<AgentView | null>(null);
  const [view, setView] = useState<AgentView | null>(null);
  const joinable = session && (session.state === 'CONSENTED' || session.state === 'ACTIVE') ? session.id : null;

  useEffect(() => {
    if (!joinable) return;
    let cancelled = false;
    setJoinError(null);
    setState({ ...INITIAL_LINK, phase: 'joining' });
    assist
      .join(joinable)
      .then((join) => {
        if (cancelled) return;
        const link = new AgentView({
          join,
          socketUrl: signalingSocketUrl(join.signalingUrl, window.location),
          onState: (next) => {
            if (!cancelled) setState(next);
          },
          onStream: (next) => {
            if (!cancelled) setStream(next);
          },
        });
        viewRef.current = link;
        setView(link);
        link.start();
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        setJoinError(failure);
        setState({ ...INITIAL_LINK, phase: 'closed', closedBy: 'failed' });
      });
    return () => {
      cancelled = true;
      viewRef.current?.stop();
      viewRef.current = null;
      setView(null);
      setStream(null);
    };
  }, [assist, joinable, attempt]);

  const rejoin = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, stream, view, joinError, rejoin };
}
