import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/I18nProvider';
import type { ConnectionState } from '../realtime/RealtimeClient';
import { useConnectionState } from '../realtime/RealtimeProvider';

const LABELS: Record<ConnectionState, MessageKey> = {
  connecting: 'realtime.connecting',
  connected: 'realtime.connected',
  reconnecting: 'realtime.reconnecting',
  offline: 'realtime.offline',
};

const HINTS: Record<ConnectionState, MessageKey> = {
  connecting: 'realtime.hint.connecting',
  connected: 'realtime.hint.connected',
  reconnecting: 'realtime.hint.reconnecting',
  offline: 'realtime.hint.offline',
};

/** A dot and a word for the live connection: Live, Reconnecting…, Offline (announced politely when it changes). */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useT();
  return (
    <span className={`connection connection-${state}`} data-testid="connection-state" data-state={state} title={t(HINTS[state])} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t(LABELS[state])}</span>
    </span>
  );
}

/** The page's connection state, when the page has a real-time connection; nothing otherwise. */
export function LiveConnectionIndicator() {
  const state = useConnectionState();
  return state ? <ConnectionIndicator state={state} /> : null;
}
