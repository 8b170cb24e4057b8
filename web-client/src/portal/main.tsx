import { api } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { createRealtimeClient } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { PortalApp } from './PortalApp';

const session = requireSession(['CUSTOMER']);
if (session) {
  mountPage(
    <RealtimeProvider client={createRealtimeClient()}>
      <PortalApp api={api} session={session} />
    </RealtimeProvider>,
  );
}
