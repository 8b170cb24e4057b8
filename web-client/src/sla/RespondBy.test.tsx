import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlaClockInfo } from '../api/types';
import { translator } from '../i18n/language';
import { ticket } from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import { respondByText, responseDueAt } from './respondBy';
import { RespondBy } from './RespondBy';

const clock = (name: SlaClockInfo['clock'], state: SlaClockInfo['state'], dueAt: string | null): SlaClockInfo => ({
  clock: name,
  state,
  dueAt,
  warnAt: null,
  remaining: null,
  metAt: null,
});

const withClocks = (clocks: SlaClockInfo[], status: 'NEW' | 'OPEN' | 'PENDING' | 'SOLVED' = 'OPEN') =>
  ticket({
    status,
    sla: { policy: 'P2', state: 'OK', firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null, clocks },
  });

describe('responseDueAt', () => {
  it('is the running first or next response, never the resolution', () => {
    expect(responseDueAt(withClocks([clock('firstResponse', 'RUNNING', '2026-11-22T09:00:00Z'), clock('resolution', 'RUNNING', '2026-11-22T08:30:00Z')]))).toBe(
      Date.parse('2026-11-22T09:00:00Z'),
    );
    expect(responseDueAt(withClocks([clock('firstResponse', 'MET', null), clock('nextResponse', 'BREACHED', '2026-11-22T07:00:00Z')]))).toBe(
      Date.parse('2026-11-22T07:00:00Z'),
    );
    expect(responseDueAt(withClocks([clock('firstResponse', 'MET', null), clock('resolution', 'RUNNING', '2026-11-22T12:00:00Z')]))).toBeNull();
  });

  it('is nothing while support waits on the customer or the ticket is solved', () => {
    expect(responseDueAt(withClocks([clock('firstResponse', 'PAUSED', null)], 'PENDING'))).toBeNull();
    expect(responseDueAt(withClocks([clock('nextResponse', 'RUNNING', '2026-11-22T09:00:00Z')], 'SOLVED'))).toBeNull();
  });

  it('reads the contract fields of an older server', () => {
    expect(responseDueAt(ticket({ status: 'NEW' }))).toBe(Date.parse('2026-11-22T09:00:00Z'));
  });
});

describe('respondByText', () => {
  const t = translator('en');
  const now = new Date(2026, 10, 23, 10, 0).getTime();

  it('says the time today, the day and time later, and "as soon as possible" once passed', () => {
    expect(respondByText(new Date(2026, 10, 23, 14, 30).getTime(), now, 'en', t)).toBe('We will respond by 02:30 PM today.');
    expect(respondByText(new Date(2026, 10, 24, 9, 0).getTime(), now, 'en', t)).toMatch(/^We will respond by Tue, Nov 24, 09:00 AM\.$/);
    expect(respondByText(now - 1, now, 'en', t)).toBe('We will get back to you as soon as possible.');
  });

  it('speaks Chinese', () => {
    expect(respondByText(new Date(2026, 10, 23, 14, 30).getTime(), now, 'zh-CN', translator('zh-CN'))).toBe('我们将在今天 14:30 前回复您。');
  });
});

describe('RespondBy', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns into "as soon as possible" by itself when the time passes, without SLA words', () => {
    const due = new Date(2026, 10, 23, 14, 30);
    vi.useFakeTimers({ now: due.getTime() - 2_000 });
    renderWithI18n(<RespondBy ticket={withClocks([clock('firstResponse', 'RUNNING', due.toISOString())])} />);
    const line = screen.getByTestId('respond-by');
    expect(line.textContent).toBe('We will respond by 02:30 PM today.');
    act(() => vi.advanceTimersByTime(2_000));
    expect(line.textContent).toBe('We will get back to you as soon as possible.');
    expect(line.textContent).not.toMatch(/SLA|breach|risk/i);
  });

  it('shows nothing when no answer is owed', () => {
    renderWithI18n(<RespondBy ticket={withClocks([clock('firstResponse', 'MET', null)])} />);
    expect(screen.queryByTestId('respond-by')).toBeNull();
  });
});
