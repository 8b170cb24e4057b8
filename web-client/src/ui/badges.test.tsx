import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../api/types';
import { renderWithI18n } from '../testing/renderWithI18n';
import { PriorityBadge } from './PriorityBadge';
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
