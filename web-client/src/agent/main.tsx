import { api } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { createRealtimeClient } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { AgentApp } from './AgentApp';

const session = requireSession(['AGENT', 'SUPERVISOR']);
if (session) {
  mountPage(
    <RealtimeProvider client={createRealtimeClient()}>
      <AgentApp api={api} session={session} />
    </RealtimeProvider>,
  );
}
