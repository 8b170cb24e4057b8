import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { saveSession } from '../api/session';
import type { Session, User } from '../api/types';

/**
 * The signed-in user: the stored one at once, then the server's answer to GET /api/me.
 * That call also proves the token still works; a 401 there returns to the login page.
 */
export function useCurrentUser(api: ApiClient, session: Session): User {
  const [user, setUser] = useState<User>(session.user);
  useEffect(() => {
    const controller = new AbortController();
    api
      .me({ signal: controller.signal })
      .then((fresh) => {
        if (!fresh || typeof fresh.id !== 'string') return;
        setUser(fresh);
        saveSession({ ...session, user: fresh });
      })
      .catch(() => {
        // 401 is handled by the client; other failures leave the stored user in place
      });
    return () => controller.abort();
  }, [api, session]);
  return user;
}
