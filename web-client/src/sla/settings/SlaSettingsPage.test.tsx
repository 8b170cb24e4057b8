import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api/client';
import type { User } from '../../api/types';
import { jsonResponse, mockFetch, problem, type RecordedRequest } from '../../testing/mockFetch';
import { renderWithI18n } from '../../testing/renderWithI18n';
import type { SlaSection } from '../../app/hashRoute';
import type { BusinessCalendar, EscalationGroup, SlaPolicy } from '../types';
import { SlaSettingsPage } from './SlaSettingsPage';

const sam: User = { id: 'u-sam', username: 'sam', displayName: 'Sam Supervisor', role: 'SUPERVISOR' };

const policy = (priority: SlaPolicy['priority'], firstResponse: string, resolution: string): SlaPolicy => ({
  priority,
  firstResponse,
  nextResponse: firstResponse,
  resolution,
  warnBefore: 'PT5M',
  calendar: '24x7',
  escalation: { notifySupervisors: true, reassignToGroup: null },
});

const POLICIES = [policy('P2', 'PT1H', 'PT8H'), policy('P1', 'PT15M', 'PT4H')];
const SHANGHAI: BusinessCalendar = {
  id: 'business-shanghai',
  name: 'Shanghai',
  timeZone: 'Asia/Shanghai',
  hours: {
    MONDAY: [{ from: '09:00', to: '18:00' }],
    TUESDAY: [{ from: '09:00', to: '18:00' }],
    WEDNESDAY: [{ from: '09:00', to: '18:00' }],
    THURSDAY: [{ from: '09:00', to: '18:00' }],
    FRIDAY: [{ from: '09:00', to: '18:00' }],
    SATURDAY: [],
    SUNDAY: [],
  },
  holidays: ['2026-10-01'],
};
const GROUPS: EscalationGroup[] = [
  { name: 'on-call', members: [{ id: 'u-bob', displayName: 'Bob Agent' }] },
  { name: 'tier2', members: [] },
];

function renderSettings(section: SlaSection, handler: (request: RecordedRequest) => Response | undefined = () => undefined) {
  const mock = mockFetch((request) => {
    const answer = handler(request);
    if (answer) return answer;
    if (request.path === '/api/sla-policies') return jsonResponse(200, POLICIES);
    if (request.path === '/api/calendars') return jsonResponse(200, [SHANGHAI]);
    if (request.path === '/api/escalation-groups') return jsonResponse(200, GROUPS);
    if (request.path === '/api/agents') return jsonResponse(200, [{ id: 'u-alice', displayName: 'Alice Agent' }, { id: 'u-bob', displayName: 'Bob Agent' }]);
    return problem(404, 'Not Found');
  });
  renderWithI18n(<SlaSettingsPage api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} user={sam} section={section} />);
  return mock.calls;
}

const form = (priority: string) => screen.getAllByTestId('policy-form').find((node) => node.getAttribute('data-priority') === priority) as HTMLElement;

describe('SLA policies editor', () => {
  it('shows each priority in friendly units and saves changes as ISO-8601', async () => {
    const calls = renderSettings('policies', (request) =>
      request.method === 'PUT' ? jsonResponse(200, request.body) : undefined,
    );
    await screen.findAllByTestId('policy-form');
    expect(screen.getAllByTestId('policy-form').map((node) => node.getAttribute('data-priority'))).toEqual(['P1', 'P2']);
    const p1 = within(form('P1'));
    expect((p1.getByLabelText('First response') as HTMLInputElement).value).toBe('15');
    expect((p1.getByLabelText('First response: unit') as HTMLSelectElement).value).toBe('minutes');
    expect((p1.getByLabelText('Resolution') as HTMLInputElement).value).toBe('4');
    expect((p1.getByLabelText('Resolution: unit') as HTMLSelectElement).value).toBe('hours');
    await waitFor(() => expect(p1.getByRole('option', { name: 'Shanghai (Asia/Shanghai)' })).toBeTruthy());
    expect(p1.getByRole('option', { name: 'tier2' })).toBeTruthy();

    fireEvent.change(p1.getByLabelText('First response'), { target: { value: '10' } });
    fireEvent.change(p1.getByLabelText('Resolution'), { target: { value: '1.5' } });
    fireEvent.change(p1.getByLabelText('Resolution: unit'), { target: { value: 'days' } });
    fireEvent.change(p1.getByLabelText('Calendar'), { target: { value: 'business-shanghai' } });
    fireEvent.change(p1.getByLabelText('Reassign to group'), { target: { value: 'tier2' } });
    fireEvent.click(p1.getByRole('button', { name: 'Save P1' }));

    expect(await p1.findByTestId('policy-saved')).toBeTruthy();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/sla-policies/P1');
    expect(put?.body).toEqual({
      priority: 'P1',
      firstResponse: 'PT10M',
      nextResponse: 'PT15M',
      resolution: 'PT36H',
      warnBefore: 'PT5M',
      calendar: 'business-shanghai',
      escalation: { notifySupervisors: true, reassignToGroup: 'tier2' },
    });
  });

  it('does not send a duration typed wrong, and says so beside it', async () => {
    const calls = renderSettings('policies');
    await screen.findAllByTestId('policy-form');
    const p2 = within(form('P2'));
    fireEvent.change(p2.getByLabelText('First response'), { target: { value: '' } });
    fireEvent.change(p2.getByLabelText('Resolution'), { target: { value: '0' } });
    fireEvent.click(p2.getByRole('button', { name: 'Save P2' }));
    expect(p2.getByLabelText('First response').getAttribute('aria-invalid')).toBe('true');
    expect(p2.getAllByTestId('field-error').map((node) => node.textContent)).toEqual(['Enter a duration.', 'Must be more than zero.']);
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows the server validation errors of problem+json beside their fields', async () => {
    renderSettings('policies', (request) =>
      request.method === 'PUT'
        ? problem(400, 'Bad Request', {
            errors: [
              { field: 'warnBefore', message: 'must be shorter than the first response' },
              { field: 'escalation.reassignToGroup', message: 'no such group' },
              { field: 'priority', message: 'cannot be changed' },
            ],
          })
        : undefined,
    );
    await screen.findAllByTestId('policy-form');
    const p1 = within(form('P1'));
    fireEvent.change(p1.getByLabelText('Warn before due'), { target: { value: '20' } });
    fireEvent.click(p1.getByRole('button', { name: 'Save P1' }));
    await waitFor(() => expect(p1.getAllByTestId('field-error')).toHaveLength(2));
    const warn = p1.getByLabelText('Warn before due');
    expect(warn.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(warn.getAttribute('aria-describedby') ?? '')?.textContent).toBe('must be shorter than the first response');
    const group = p1.getByLabelText('Reassign to group');
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toBe('no such group');
    expect(p1.getByTestId('form-errors').textContent).toBe('priority: cannot be changed');
    expect(p1.queryByTestId('policy-saved')).toBeNull();
  });
});

describe('business-hours calendars editor', () => {
  it('edits weekly hours, the time zone and holidays, and saves with PUT', async () => {
    const calls = renderSettings('calendars', (request) => (request.method === 'PUT' ? jsonResponse(200, request.body) : undefined));
    const editor = await screen.findByTestId('calendar-form');
    const ui = within(editor);
    expect((ui.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Asia/Shanghai');
    const saturday = within(editor.querySelector('[data-day="SATURDAY"]') as HTMLElement);
    expect(saturday.getByText('Closed')).toBeTruthy();
    fireEvent.click(ui.getByRole('button', { name: 'Add hours on Saturday' }));
    fireEvent.change(ui.getByLabelText('Saturday closes'), { target: { value: '12:00' } });
    fireEvent.click(within(editor.querySelector('[data-day="FRIDAY"]') as HTMLElement).getByRole('button', { name: 'Remove these hours' }));
    fireEvent.change(ui.getByLabelText('Time zone'), { target: { value: 'Europe/London' } });
    fireEvent.change(ui.getByLabelText('Holiday date'), { target: { value: '2026-12-25' } });
    fireEvent.click(ui.getByRole('button', { name: 'Add holiday' }));
    fireEvent.click(ui.getByRole('button', { name: 'Remove 2026-10-01' }));
    fireEvent.click(ui.getByRole('button', { name: 'Save calendar' }));

    expect((await ui.findByTestId('calendar-saved')).textContent).toBe('Calendar Shanghai saved.');
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/calendars/business-shanghai');
    expect(put?.body).toMatchObject({
      id: 'business-shanghai',
      timeZone: 'Europe/London',
      holidays: ['2026-12-25'],
      hours: { FRIDAY: [], SATURDAY: [{ from: '09:00', to: '12:00' }], MONDAY: [{ from: '09:00', to: '18:00' }] },
    });
  });

  it('checks hours before saving, and shows the server errors beside the day', async () => {
    const calls = renderSettings('calendars', (request) =>
      request.method === 'PUT' ? problem(400, 'Bad Request', { errors: [{ field: 'hours.MONDAY[0].from', message: 'overlaps' }] }) : undefined,
    );
    const ui = within(await screen.findByTestId('calendar-form'));
    fireEvent.change(ui.getByLabelText('Tuesday closes'), { target: { value: '08:00' } });
    fireEvent.click(ui.getByRole('button', { name: 'Save calendar' }));
    expect(ui.getByTestId('field-error').textContent).toBe('Must close after it opens (00:00 is midnight).');
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.change(ui.getByLabelText('Tuesday closes'), { target: { value: '18:00' } });
    fireEvent.click(ui.getByRole('button', { name: 'Save calendar' }));
    await waitFor(() => expect(ui.getByTestId('field-error').textContent).toBe('overlaps'));
    expect(ui.getByTestId('field-error').closest('[data-day]')?.getAttribute('data-day')).toBe('MONDAY');
  });

  it('creates a new calendar, and says when one cannot be deleted because a policy uses it', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const calls = renderSettings('calendars', (request) => {
      if (request.method === 'PUT') return jsonResponse(200, request.body);
      if (request.method === 'DELETE') return problem(409, 'Conflict', { detail: 'calendar in use by P2' });
      return undefined;
    });
    await screen.findByTestId('calendar-form');
    fireEvent.click(screen.getByTestId('calendar-delete'));
    expect(confirm).toHaveBeenCalledWith('Delete calendar Shanghai?');
    expect((await screen.findByRole('alert')).textContent).toContain('A policy uses this calendar');
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/calendars/business-shanghai' });

    fireEvent.click(screen.getByTestId('calendar-new'));
    const ui = within(screen.getByTestId('calendar-form'));
    fireEvent.change(ui.getByLabelText('Id'), { target: { value: 'business-london' } });
    fireEvent.change(ui.getByLabelText('Name'), { target: { value: 'London' } });
    fireEvent.click(ui.getByRole('button', { name: 'Save calendar' }));
    await waitFor(() => expect(screen.getAllByTestId('calendar-pick').map((node) => node.textContent)).toEqual(['Shanghai', 'London']));
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', path: '/api/calendars/business-london' });
  });
});

describe('escalation groups editor', () => {
  it('offers group members and the supervisor when the server lists no agents', async () => {
    renderSettings('groups', (request) => (request.path === '/api/agents' ? problem(404, 'Not Found') : undefined));
    await screen.findAllByTestId('group-form');
    const tier2 = within(screen.getAllByTestId('group-form')[1] as HTMLElement);
    const options = within(tier2.getByLabelText('Add member to tier2')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Choose a person…', 'Bob Agent', 'Sam Supervisor']);
  });

  it('adds and removes members and saves the member ids', async () => {
    const calls = renderSettings('groups', (request) =>
      request.method === 'PUT'
        ? jsonResponse(200, { name: 'on-call', members: [{ id: 'u-alice', displayName: 'Alice Agent' }] })
        : undefined,
    );
    await screen.findAllByTestId('group-form');
    const onCall = within(screen.getAllByTestId('group-form')[0] as HTMLElement);
    expect(onCall.getByText('Alerted on every new P1.')).toBeTruthy();
    await waitFor(() => expect(onCall.getByRole('option', { name: 'Alice Agent' })).toBeTruthy());
    fireEvent.change(onCall.getByLabelText('Add member to on-call'), { target: { value: 'u-alice' } });
    fireEvent.click(onCall.getByRole('button', { name: 'Add' }));
    fireEvent.click(onCall.getByRole('button', { name: 'Remove Bob Agent' }));
    fireEvent.click(onCall.getByRole('button', { name: 'Save on-call' }));
    expect(await onCall.findByTestId('group-saved')).toBeTruthy();
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', path: '/api/escalation-groups/on-call', body: { memberIds: ['u-alice'] } });
    expect(onCall.getByTestId('group-members').textContent).toContain('Alice Agent');
  });
});
