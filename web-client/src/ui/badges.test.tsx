import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRIORITIES } from '../api/types';
import { renderWithI18n } from '../testing/renderWithI18n';
import { PriorityBadge } from './PriorityBadge';
import { SlaDue } from './SlaDue';
import { StatusBadge } from './StatusBadge';

describe('PriorityBadge', () => {
  it.each(PRIORITIES)('shows %s with its own colour class and an accessible name', (priority) => {
    renderWithI18n(<PriorityBadge priority={priority} />);
    const badge = screen.getByText(priority);
    expect(badge.className).toContain(`priority-${priority.toLowerCase()}`);
    expect(badge.getAttribute('aria-label')).toMatch(new RegExp(`^${priority} \\S`));
  });

  it('names P1 urgent in both languages', () => {
    renderWithI18n(<PriorityBadge priority="P1" />);
    expect(screen.getByText('P1').getAttribute('title')).toBe('Urgent');
    renderWithI18n(<PriorityBadge priority="P1" />, 'zh-CN');
    expect(screen.getAllByText('P1')[1]?.getAttribute('title')).toBe('紧急');
  });
});

describe('StatusBadge', () => {
  it('translates the status and styles ON_HOLD', () => {
    renderWithI18n(<StatusBadge status="ON_HOLD" />);
    expect(screen.getByText('On hold').className).toContain('status-on-hold');
    renderWithI18n(<StatusBadge status="PENDING" />, 'zh-CN');
    expect(screen.getByText('待客户回复')).toBeTruthy();
  });
});

describe('SlaDue', () => {
  const now = Date.parse('2026-11-22T08:00:00Z');

  it('renders a machine-readable time and a relative text', () => {
    const { container } = renderWithI18n(
      <SlaDue
        now={now}
        sla={{ policy: 'P1', state: 'AT_RISK', firstResponseDueAt: '2026-11-22T08:10:00Z', nextResponseDueAt: null, resolutionDueAt: null }}
      />,
    );
    const time = container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-11-22T08:10:00Z');
    expect(time?.textContent).toBe('in 10m 00s');
    expect(time?.className).toContain('sla-risk');
    expect(time?.getAttribute('title')).toMatch(/^First response · /);
  });

  it('renders overdue in red text', () => {
    renderWithI18n(
      <SlaDue now={now} sla={{ policy: 'P2', state: 'OK', firstResponseDueAt: null, nextResponseDueAt: '2026-11-22T07:45:00Z', resolutionDueAt: null }} />,
    );
    expect(screen.getByText('15m 00s overdue').className).toContain('sla-breached');
  });
});

describe('SlaDue countdown', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every second on its own, all rows on one shared clock', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-22T08:00:00Z') });
    const setInterval = vi.spyOn(window, 'setInterval');
    const sla = { policy: 'P1', state: 'OK' as const, firstResponseDueAt: '2026-11-22T08:00:03Z', nextResponseDueAt: null, resolutionDueAt: null };
    const { container } = renderWithI18n(
      <>
        <SlaDue sla={sla} />
        <SlaDue sla={{ ...sla, firstResponseDueAt: '2026-11-22T08:10:00Z' }} />
      </>,
    );
    const texts = () => [...container.querySelectorAll('time')].map((time) => time.textContent);
    expect(texts()).toEqual(['in 3s', 'in 10m 00s']);
    act(() => vi.advanceTimersByTime(1_000));
    expect(texts()).toEqual(['in 2s', 'in 9m 59s']);
    act(() => vi.advanceTimersByTime(3_000));
    expect(texts()).toEqual(['1s overdue', 'in 9m 56s']);
    expect(container.querySelector('time')?.className).toContain('sla-breached');
    expect(setInterval.mock.calls.filter(([, ms]) => ms === 1_000)).toHaveLength(1);
  });
});
