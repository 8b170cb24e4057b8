import { homePathFor, loadSession } from '../api/session';
import { mountPage } from '../app/mountPage';
import { LoginPage } from './LoginPage';

const session = loadSession();
if (session) {
  window.location.replace(homePathFor(session.user.role));
} else {
  mountPage(<LoginPage />);
}
