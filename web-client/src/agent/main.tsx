import { api } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { createRealtimeClient } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { ServerClockProvider } from '../sla/ServerClockProvider';
import { AgentApp } from './AgentApp';

const session = requireSession(['AGENT', 'SUPERVISOR']);
if (session) {
  mountPage(
    <RealtimeProvider client={createRealtimeClient()}>
      <ServerClockProvider api={api}>
        <AgentApp api={api} session={session} />
      </ServerClockProvider>
    </RealtimeProvider>,
  );
}
