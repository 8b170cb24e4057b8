import { api } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { createRealtimeClient } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { ServerClockProvider } from '../sla/ServerClockProvider';
import { PortalApp } from './PortalApp';

const session = requireSession(['CUSTOMER']);
if (session) {
  mountPage(
    <RealtimeProvider client={createRealtimeClient()}>
      <ServerClockProvider api={api}>
        <PortalApp api={api} session={session} />
      </ServerClockProvider>
    </RealtimeProvider>,
  );
}
