import { api } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { AgentApp } from './AgentApp';

const session = requireSession(['AGENT', 'SUPERVISOR']);
if (session) mountPage(<AgentApp api={api} session={session} />);
