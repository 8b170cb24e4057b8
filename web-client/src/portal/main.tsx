import { api } from '../api/client';
import { mountPage } from '../app/mountPage';
import { requireSession } from '../app/navigation';
import { PortalApp } from './PortalApp';

const session = requireSession(['CUSTOMER']);
if (session) mountPage(<PortalApp api={api} session={session} />);
