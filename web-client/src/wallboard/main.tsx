import { createApiClient } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { rememberLanguage } from '../i18n/language';
import { createRealtimeClient } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { readAccess } from './access';
import { TOKEN_EXPIRED_EVENT, WallboardApp } from './WallboardApp';

/**
 * The wall board entry: with a read-only wall-board token in the fragment (`#token=…`) no login is needed and an
 * expired token shows a notice instead of a login form (nobody is at a TV to log in); otherwise it needs a
 * supervisor's session.
 */
const access = readAccess(window.location.hash, window.sessionStorage);
if (access.language) rememberLanguage(access.language);

if (access.token) {
  const token = access.token;
  let expired = false;
  const onExpired = () => {
    if (expired) return;
    expired = true;
    window.sessionStorage.removeItem('lifeline.wallboard.token');
    window.dispatchEvent(new Event(TOKEN_EXPIRED_EVENT));
  };
  const api = createApiClient({ getToken: () => token, onUnauthorized: onExpired });
  const realtime = createRealtimeClient({ getToken: () => (expired ? null : token), onAuthFailure: onExpired });
  mountPage(
    <RealtimeProvider client={realtime}>
      <WallboardApp api={api} />
    </RealtimeProvider>,
  );
} else if (requireSession(['SUPERVISOR', 'AGENT'])) {
  mountPage(
    <RealtimeProvider client={createRealtimeClient()}>
      <WallboardApp api={createApiClient()} />
    </RealtimeProvider>,
  );
}
