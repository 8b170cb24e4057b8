import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useSubscription } from '../realtime/RealtimeProvider';
import { addAlert, alertOf, dismissAlert, type SlaAlert } from './alerts';
import { isFresh, loadSeenSeq, saveSeenSeq } from './alertMarks';
import { applyIncidentEvent, incidentOf, sortIncidents } from './incidents';
import { slaApi } from './slaApi';
import { createBeeper, loadSoundOn, saveSoundOn, type BeepKind, type Beeper } from './sound';
import type { Incident } from './types';

export const ALERTS_QUEUE = '/user/queue/alerts' as const;

interface EventLike {
  type: string;
  seq?: number | null;
  data?: unknown;
}

/** What the console shows of the SLA outside the ticket list: the war room, the new-P1 banner, alerts and the sound switch. */
export interface SlaConsole {
  incidents: Incident[];
  incidentsLoading: boolean;
  incidentsError: unknown;
  reloadIncidents: () => void;
  join: (ticketId: string) => Promise<void>;
  joining: ReadonlySet<string>;
  joinError: { ticketId: string; error: unknown } | null;
  dismissJoinError: () => void;
  /** P1s opened while the console was open, not yet looked at (the banner). */
  newP1: Incident[];
  dismissNewP1: () => void;
  alerts: SlaAlert[];
  dismissAlert: (key: string) => void;
  dismissAllAlerts: () => void;
  soundOn: boolean;
  setSoundOn: (on: boolean) => void;
  /** Feed every `/topic/tickets` event here (the console's queue already subscribes to it). */
  onTicketEvent: (event: EventLike) => void;
  /** The all-tickets stream lost events: load the incidents again. */
  onResync: () => void;
}

const BEEP_OF: Record<SlaAlert['type'], BeepKind> = { 'sla.warning': 'warning', 'sla.breached': 'breached', 'sla.escalated': 'escalated' };

/**
 * The console's SLA state. Loads the open P1s (GET /api/incidents) and keeps them live from the
 * all-tickets events handed to `onTicketEvent`; a P1 opened meanwhile raises the banner. Follows
 * `/user/queue/alerts`: each alert becomes a notification (once, whichever way it came), with a
 * beep when the user switched sound on (remembered in localStorage). Given the user's id, it resumes the
 * queue where this browser last read it, so alerts that came while the console was closed show too (quietly).
 */
export function useSlaConsole(api: ApiClient, beeper?: Beeper, userId?: string): SlaConsole {
  const sla = useMemo(() => slaApi(api), [api]);
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [incidentsLoading, setIncidentsLoading] = useState(true);
  const [incidentsError, setIncidentsError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [joining, setJoining] = useState<ReadonlySet<string>>(() => new Set());
  const [joinError, setJoinError] = useState<{ ticketId: string; error: unknown } | null>(null);
  const [newP1, setNewP1] = useState<Incident[]>([]);
  const [alerts, setAlerts] = useState<SlaAlert[]>([]);
  const alertsRef = useRef<SlaAlert[]>([]);
  const [soundOn, setSoundState] = useState(loadSoundOn);
  const soundRef = useRef(soundOn);
  soundRef.current = soundOn;
  const sound = useMemo(() => beeper ?? createBeeper(), [beeper]);
  const loaded = useRef(false);
  const pending = useRef<EventLike[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    setIncidentsLoading(true);
    loaded.current = false;
    pending.current = [];
    sla
      .incidents({ signal: controller.signal })
      .then((list) => {
        if (controller.signal.aborted) return;
        // events that came while the list was on its way go on top of it
        const fresh = pending.current.reduce(applyIncidentEvent, sortIncidents(list.filter((entry) => entry?.ticket)));
        pending.current = [];
        loaded.current = true;
        setIncidents(fresh);
        setIncidentsError(null);
        setIncidentsLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        loaded.current = true;
        setIncidentsError(error);
        setIncidentsLoading(false);
      });
    return () => controller.abort();
  }, [sla, generation]);

  const reloadIncidents = useCallback(() => setGeneration((value) => value + 1), []);

  const onTicketEvent = useCallback((event: EventLike) => {
    if (!loaded.current) pending.current.push(event);
    setIncidents((current) => applyIncidentEvent(current, event));
    const opened = event.type === 'incident.opened' ? incidentOf(event) : null;
    setNewP1((current) => {
      if (opened) return current.some((entry) => entry.ticket.id === opened.ticket.id) ? current : [...current, opened];
      if (current.length === 0) return current;
      // kept up to date, and gone once solved or no longer P1; never added to but by an opening
      const next = applyIncidentEvent(current, event);
      return next.length > current.length ? next.filter((entry) => current.some((old) => old.ticket.id === entry.ticket.id)) : next;
    });
  }, []);

  const join = useCallback(
    async (ticketId: string) => {
      setJoining((current) => new Set(current).add(ticketId));
      setJoinError(null);
      try {
        const incident = await sla.joinIncident(ticketId);
        if (incident?.ticket) setIncidents((current) => applyIncidentEvent(current, { type: 'incident.joined', data: incident }));
        setNewP1((current) => current.filter((entry) => entry.ticket.id !== ticketId));
      } catch (error) {
        setJoinError({ ticketId, error });
      } finally {
        setJoining((current) => {
          const next = new Set(current);
          next.delete(ticketId);
          return next;
        });
      }
    },
    [sla],
  );

  const onAlert = useCallback(
    (event: EventLike) => {
      if (userId && typeof event.seq === 'number') saveSeenSeq(userId, event.seq);
      const alert = alertOf(event);
      if (!alert) return;
      const { alerts: next, added } = addAlert(alertsRef.current, alert);
      if (!added) return;
      alertsRef.current = next;
      setAlerts(next);
      if (soundRef.current && isFresh(alert.at, Date.now())) sound.beep(BEEP_OF[alert.type]);
    },
    [sound, userId],
  );
  useSubscription(ALERTS_QUEUE, onAlert, {
    resumeAfter: userId ? loadSeenSeq(userId) : undefined,
    onResync: (head) => {
      if (userId && typeof head === 'number') saveSeenSeq(userId, head);
    },
  });

  const dismiss = useCallback((key: string) => {
    alertsRef.current = dismissAlert(alertsRef.current, key);
    setAlerts(alertsRef.current);
  }, []);
  const dismissAll = useCallback(() => {
    alertsRef.current = [];
    setAlerts([]);
  }, []);

  const setSoundOn = useCallback(
    (on: boolean) => {
      saveSoundOn(on);
      setSoundState(on);
      // a click: the moment the browser lets the page make sound
      if (on) {
        sound.prime();
        sound.beep('warning');
      }
    },
    [sound],
  );

  return {
    incidents,
    incidentsLoading,
    incidentsError,
    reloadIncidents,
    join,
    joining,
    joinError,
    dismissJoinError: useCallback(() => setJoinError(null), []),
    newP1,
    dismissNewP1: useCallback(() => setNewP1([]), []),
    alerts,
    dismissAlert: dismiss,
    dismissAllAlerts: dismissAll,
    soundOn,
    setSoundOn,
    onTicketEvent,
    onResync: reloadIncidents,
  };
}
