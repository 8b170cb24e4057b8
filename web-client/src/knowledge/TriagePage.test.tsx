import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { parseRoute } from '../app/hashRoute';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { TriagePage } from './TriagePage';

const rules = [
  { keywords: ['login', '登录'], tags: ['login'], module: 'accounts', faultType: null },
  { keywords: ['crash', '闪退'], tags: ['crash', 'mobile'], module: null, faultType: 'crash' },
];
const stats = { from: '2026-10-23T00:00:00Z', deflections: 12, solvedTickets: 40, solvedWithArticle: 14, adoptionRate: 0.35, openTasks: 5, overdueTasks: 2 };

function setup(handler: Handler) {
  const mock = mockFetch(handler);
  const api = createApiClient({ fetch: mock.fetch, getToken: () => 't', onUnauthorized: () => undefined });
  renderWithI18n(<TriagePage api={api} />);
  return mock.calls;
}

const value = (element: HTMLElement | undefined) => (element as HTMLInputElement | undefined)?.value;

describe('triage page', () => {
  it('routes #/triage', () => {
    expect(parseRoute('#/triage')).toEqual({ name: 'triage' });
    expect(parseRoute('#/triage/')).toEqual({ name: 'triage' });
  });

  it('loads the rules and the knowledge figures', async () => {
    setup((request) => (request.path === '/api/kb/stats' ? jsonResponse(200, stats) : jsonResponse(200, rules)));
    const rows = await screen.findAllByTestId('triage-rule');
    expect(rows).toHaveLength(2);
    expect(value(within(rows[0]!).getByTestId('triage-keywords'))).toBe('login, 登录');
    expect(value(within(rows[0]!).getByTestId('triage-module'))).toBe('accounts');
    expect(value(within(rows[1]!).getByTestId('triage-tags'))).toBe('crash, mobile');
    expect(value(within(rows[1]!).getByTestId('triage-faultType'))).toBe('crash');
    expect(value(within(rows[1]!).getByTestId('triage-module'))).toBe('');

    expect((await screen.findByTestId('kb-stat-deflections')).textContent).toBe('12');
    expect(screen.getByTestId('kb-stat-adoption').textContent).toBe('35%');
    expect(screen.getByTestId('kb-stat-open').textContent).toBe('5');
    expect(screen.getByTestId('kb-stat-overdue').textContent).toBe('2');
    expect(screen.getByText('14 of 40 solved tickets have a linked article.')).toBeTruthy();
  });

  it('shows a dash for adoption when nothing was solved', async () => {
    setup((request) =>
      request.path === '/api/kb/stats' ? jsonResponse(200, { ...stats, solvedTickets: 0, solvedWithArticle: 0, adoptionRate: null }) : jsonResponse(200, []),
    );
    expect((await screen.findByTestId('kb-stat-adoption')).textContent).toBe('—');
    expect(screen.getByText('No rules: new tickets are not tagged automatically.')).toBeTruthy();
  });

  it('edits, adds, removes and reorders rules, then saves the whole list', async () => {
    const calls = setup((request) => {
      if (request.path === '/api/kb/stats') return jsonResponse(200, stats);
      if (request.method === 'PUT') return jsonResponse(200, request.body);
      return jsonResponse(200, rules);
    });
    let rows = await screen.findAllByTestId('triage-rule');
    fireEvent.change(within(rows[0]!).getByTestId('triage-keywords'), { target: { value: 'login, 登录，密码、password ' } });
    fireEvent.change(within(rows[0]!).getByTestId('triage-module'), { target: { value: '  ' } });
    fireEvent.click(within(rows[1]!).getByTestId('triage-remove'));

    fireEvent.click(screen.getByTestId('triage-add'));
    rows = screen.getAllByTestId('triage-rule');
    expect(rows).toHaveLength(2);
    fireEvent.change(within(rows[1]!).getByTestId('triage-keywords'), { target: { value: 'export, 导出' } });
    fireEvent.change(within(rows[1]!).getByTestId('triage-tags'), { target: { value: 'export' } });
    fireEvent.change(within(rows[1]!).getByTestId('triage-faultType'), { target: { value: 'hang' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move rule 2 up' }));

    fireEvent.click(screen.getByTestId('triage-save'));
    expect((await screen.findByTestId('triage-saved')).textContent).toBe('Rules saved.');
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/triage/rules');
    expect(put?.body).toEqual([
      { keywords: ['export', '导出'], tags: ['export'], module: null, faultType: 'hang' },
      { keywords: ['login', '登录', '密码', 'password'], tags: ['login'], module: null, faultType: null },
    ]);
    // the page now shows what the server stored
    expect(value(within(screen.getAllByTestId('triage-rule')[0]!).getByTestId('triage-keywords'))).toBe('export, 导出');
  });

  it('shows problem+json errors beside the fields of the right rule, and clears one when it is edited', async () => {
    let attempt = 0;
    const calls = setup((request) => {
      if (request.path === '/api/kb/stats') return jsonResponse(200, stats);
      if (request.method === 'PUT') {
        attempt += 1;
        return attempt === 1
          ? problem(400, 'Bad Request', {
              detail: 'The rules are not valid',
              errors: [
                { field: '[1].keywords', message: 'at least one keyword' },
                { field: '[1].module', message: '1 to 100 characters without control characters' },
              ],
            })
          : jsonResponse(200, request.body);
      }
      return jsonResponse(200, rules);
    });
    const rows = await screen.findAllByTestId('triage-rule');
    fireEvent.change(within(rows[1]!).getByTestId('triage-keywords'), { target: { value: ' , ' } });
    fireEvent.change(within(rows[1]!).getByTestId('triage-module'), { target: { value: 'x'.repeat(101) } });
    fireEvent.click(screen.getByTestId('triage-save'));

    expect((await within(rows[1]!).findByTestId('triage-error-keywords')).textContent).toBe('at least one keyword');
    expect(within(rows[1]!).getByTestId('triage-keywords').getAttribute('aria-invalid')).toBe('true');
    expect(within(rows[1]!).getByTestId('triage-error-module').textContent).toContain('1 to 100 characters');
    expect(within(rows[0]!).queryByTestId('triage-error-keywords')).toBeNull();
    expect(screen.getByTestId('error-banner')).toBeTruthy();
    expect(calls.find((call) => call.method === 'PUT')?.body).toMatchObject([{}, { keywords: [], module: 'x'.repeat(101) }]);

    fireEvent.change(within(rows[1]!).getByTestId('triage-keywords'), { target: { value: 'crash' } });
    expect(within(rows[1]!).queryByTestId('triage-error-keywords')).toBeNull();
    expect(within(rows[1]!).getByTestId('triage-error-module')).toBeTruthy();
    fireEvent.change(within(rows[1]!).getByTestId('triage-module'), { target: { value: 'mobile' } });
    fireEvent.click(screen.getByTestId('triage-save'));
    await screen.findByTestId('triage-saved');
    await waitFor(() => expect(screen.queryByTestId('error-banner')).toBeNull());
  });
});
