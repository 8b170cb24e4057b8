import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import type { User } from '../api/types';
import { parseRoute } from '../app/hashRoute';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { AgentsPage, AgentStatusSwitch } from './AgentsPage';
import { parseSkills } from './kbApi';
import { KnowledgePage } from './KnowledgePage';

const alice: User = { id: 'u-alice', username: 'alice', displayName: 'Alice', role: 'AGENT' };
const sam: User = { id: 'u-sam', username: 'sam', displayName: 'Sam', role: 'SUPERVISOR' };
const article = { id: 'a1', title: 'Sync stalls', module: 'sync', faultType: null, symptoms: '', cause: '', solution: 'Restart', status: 'PUBLISHED', version: 2 };
const task = (id: string, overdue: boolean) => ({
  id,
  ticket: { id: `t-${id}`, number: 40, subject: 'Crash on save' },
  assignee: { id: 'u-alice', displayName: 'Alice' },
  createdAt: '2026-01-01T00:00:00Z',
  dueAt: '2026-01-03T00:00:00Z',
  doneAt: null,
  articleId: null,
  overdue,
});

function setup(ui: (api: ReturnType<typeof createApiClient>) => ReactElement, handler: Handler) {
  const mock = mockFetch(handler);
  const api = createApiClient({ fetch: mock.fetch, getToken: () => 't', onUnauthorized: () => undefined });
  renderWithI18n(ui(api));
  return mock.calls;
}

describe('knowledge page', () => {
  it('routes #/kb and #/agents', () => {
    expect(parseRoute('#/kb')).toEqual({ name: 'kb' });
    expect(parseRoute('#/agents/')).toEqual({ name: 'agents' });
  });

  it('lists articles, searches, and shows my tasks with the overdue one flagged', async () => {
    const calls = setup((api) => <KnowledgePage api={api} user={alice} />, (request) => {
      if (request.path === '/api/kb/articles') return jsonResponse(200, [article]);
      if (request.path === '/api/kb/search') return jsonResponse(200, [{ id: 'a2', title: '登录失败', snippet: '', score: 0.7, status: 'DRAFT', module: null, faultType: null }]);
      if (request.path === '/api/kb/tasks') return jsonResponse(200, [task('k1', true), task('k2', false)]);
      return jsonResponse(404, { title: 'Not found', status: 404 });
    });
    expect((await screen.findAllByTestId('kb-article'))[0]?.textContent).toContain('Sync stalls');
    const tasks = await screen.findAllByTestId('kb-task');
    expect(tasks.map((row) => row.getAttribute('data-overdue'))).toEqual(['true', 'false']);
    expect(tasks[0]?.textContent).toContain('Overdue');
    expect(calls.find((call) => call.path === '/api/kb/tasks')?.search.get('assignee')).toBe('me');

    fireEvent.change(screen.getByTestId('kb-search'), { target: { value: '无法登录' } });
    await waitFor(() => expect(screen.getAllByTestId('kb-article')[0]?.textContent).toContain('登录失败'));
    expect(calls.find((call) => call.path === '/api/kb/search')?.search.get('q')).toBe('无法登录');
  });

  it('shows every task to a supervisor', async () => {
    const calls = setup((api) => <KnowledgePage api={api} user={sam} />, (request) =>
      request.path === '/api/kb/tasks' ? jsonResponse(200, [task('k1', false)]) : jsonResponse(200, []),
    );
    expect((await screen.findByTestId('kb-task')).textContent).toContain('Alice');
    expect(calls.find((call) => call.path === '/api/kb/tasks')?.search.get('assignee')).toBeNull();
    expect(screen.getByText('Knowledge tasks')).toBeTruthy();
  });

  it('creates an article and shows problem+json errors beside their fields', async () => {
    let attempt = 0;
    const calls = setup((api) => <KnowledgePage api={api} user={alice} />, (request) => {
      if (request.path === '/api/kb/articles' && request.method === 'POST') {
        attempt += 1;
        return attempt === 1
          ? problem(400, 'Bad request', { errors: [{ field: 'solution', message: 'is required to publish' }] })
          : jsonResponse(201, { ...article, id: 'a9' });
      }
      return jsonResponse(200, []);
    });
    fireEvent.click(screen.getByTestId('kb-new'));
    fireEvent.change(screen.getByTestId('kb-field-title'), { target: { value: 'Export hangs' } });
    fireEvent.change(screen.getByTestId('kb-field-module'), { target: { value: 'export' } });
    fireEvent.change(screen.getByTestId('kb-field-status'), { target: { value: 'PUBLISHED' } });
    fireEvent.click(screen.getByTestId('kb-save'));
    expect((await screen.findByTestId('kb-error-solution')).textContent).toBe('is required to publish');
    expect(screen.getByTestId('kb-field-solution').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByTestId('kb-field-solution'), { target: { value: 'Split the export' } });
    fireEvent.click(screen.getByTestId('kb-save'));
    expect(await screen.findByText('Article saved.')).toBeTruthy();
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts[1]?.body).toEqual({ title: 'Export hangs', module: 'export', faultType: '', symptoms: '', cause: '', solution: 'Split the export', status: 'PUBLISHED' });
  });

  it('edits an article with PUT', async () => {
    const calls = setup((api) => <KnowledgePage api={api} user={alice} />, (request) => {
      if (request.path === '/api/kb/articles/a1' && request.method === 'PUT') return jsonResponse(200, article);
      if (request.path === '/api/kb/articles/a1') return jsonResponse(200, article);
      if (request.path === '/api/kb/articles') return jsonResponse(200, [article]);
      return jsonResponse(200, []);
    });
    fireEvent.click(await screen.findByTestId('kb-edit'));
    const title = (await screen.findByTestId('kb-field-title')) as HTMLInputElement;
    expect(title.value).toBe('Sync stalls');
    fireEvent.change(title, { target: { value: 'Sync stalls on Wi-Fi' } });
    fireEvent.click(screen.getByTestId('kb-save'));
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ title: 'Sync stalls on Wi-Fi', status: 'PUBLISHED' });
  });
});

describe('agents', () => {
  const agents = [{ id: 'u-alice', displayName: 'Alice', role: 'AGENT', status: 'AWAY', connected: true, skills: ['login'], tier: 1, capacity: 5, load: 2 }];

  it('switches my status', async () => {
    const calls = setup((api) => <AgentStatusSwitch api={api} user={alice} />, (request) =>
      request.method === 'PUT' ? jsonResponse(200, {}) : jsonResponse(200, agents),
    );
    const select = screen.getByTestId('agent-status') as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('AWAY'));
    fireEvent.change(select, { target: { value: 'BUSY' } });
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/agents/me/status');
    expect(put?.body).toEqual({ status: 'BUSY' });
  });

  it('edits a profile', async () => {
    const calls = setup((api) => <AgentsPage api={api} />, (request) => (request.method === 'PUT' ? jsonResponse(200, {}) : jsonResponse(200, agents)));
    const skills = await screen.findByTestId('agent-skills');
    fireEvent.change(skills, { target: { value: 'login, sync，export' } });
    fireEvent.change(screen.getByTestId('agent-tier'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('agent-capacity'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('agent-save'));
    expect((await screen.findByTestId('agent-message')).textContent).toContain('Profile saved.');
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/agents/u-alice/profile');
    expect(put?.body).toEqual({ skills: ['login', 'sync', 'export'], tier: 2, capacity: 8 });
  });

  it('splits skills on either comma', () => {
    expect(parseSkills(' a ,b，, a ')).toEqual(['a', 'b']);
  });
});
