import { describe, expect, it } from 'vitest';
import { alice, carol, sessionFor } from '../testing/fixtures';
import { clearSession, homePathFor, loadSession, saveSession, SESSION_KEY } from './session';

describe('session storage', () => {
  it('round-trips through sessionStorage under lifeline.session', () => {
    saveSession(sessionFor(alice));
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '{}').token).toBe('token-alice');
    expect(loadSession()?.user.username).toBe('alice');
    clearSession();
    expect(loadSession()).toBeNull();
  });

  it('drops an expired session', () => {
    saveSession({ ...sessionFor(alice), expiresAt: '2020-01-01T00:00:00Z' });
    expect(loadSession(Date.parse('2026-01-01T00:00:00Z'))).toBeNull();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('ignores garbage', () => {
    sessionStorage.setItem(SESSION_KEY, '{not json');
    expect(loadSession()).toBeNull();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: '' }));
    expect(loadSession()).toBeNull();
  });

  it('sends each role to its page', () => {
    expect(homePathFor(alice.role)).toBe('/agent/index.html');
    expect(homePathFor('SUPERVISOR')).toBe('/agent/index.html');
    expect(homePathFor(carol.role)).toBe('/portal/index.html');
  });
});
