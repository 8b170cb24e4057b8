import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { NewTicketForm } from '../portal/NewTicketForm';
import { ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { intakeOf } from './IntakeFields';

const hit = { id: 'a1', title: 'Login fails after password reset', snippet: 'clear the cache', score: 0.9, status: 'PUBLISHED', module: 'login', faultType: null };
const article = { ...hit, symptoms: 's', cause: 'Old token cached', solution: 'Sign out everywhere, then sign in again.', version: 1 };

function setup(handler: Handler) {
  const mock = mockFetch(handler);
  const onCreated = vi.fn();
  renderWithI18n(<NewTicketForm api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} onCreated={onCreated} />);
  return { calls: mock.calls, onCreated };
}

const kb: Handler = (request) => {
  if (request.path === '/api/kb/search') return jsonResponse(200, [hit, { ...hit, id: 'd1', title: 'A draft', status: 'DRAFT' }]);
  if (request.path === '/api/kb/articles/a1') return jsonResponse(200, article);
  if (request.path === '/api/kb/deflections') return jsonResponse(201, { articleId: 'a1', counted: true });
  return jsonResponse(201, ticket());
};

describe('article suggestions in the new-ticket form', () => {
  it('suggests published articles as the customer types, once the typing settles', async () => {
    const { calls } = setup(kb);
    fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: 'cannot log in' } });
    fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: 'cannot log in after reset' } });
    expect(await screen.findByText('Login fails after password reset', {}, { timeout: 2000 })).toBeTruthy();
    expect(screen.queryByText('A draft')).toBeNull();
    const searches = calls.filter((call) => call.path === '/api/kb/search');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.search.get('q')).toBe('cannot log in after reset');
  });

  it('expands to the solution, and "This solved my problem" records a deflection and thanks instead of the form', async () => {
    const { calls } = setup(kb);
    fireEvent.change(screen.getByTestId('new-ticket-description'), { target: { value: '登录失败' } });
    fireEvent.click(await screen.findByText('Login fails after password reset', {}, { timeout: 2000 }));
    expect(await screen.findByText('Sign out everywhere, then sign in again.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('kb-solved'));
    expect(await screen.findByTestId('kb-thanks')).toBeTruthy();
    expect(screen.queryByTestId('new-ticket-submit')).toBeNull();
    const deflection = calls.find((call) => call.path === '/api/kb/deflections');
    expect(deflection?.method).toBe('POST');
    expect(deflection?.body).toEqual({ articleId: 'a1', query: '登录失败' });
  });

  it('sends the intake fields the way the server takes them', async () => {
    const { calls, onCreated } = setup(kb);
    fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: 'Crash' } });
    fireEvent.change(screen.getByTestId('new-ticket-description'), { target: { value: 'It crashes' } });
    fireEvent.change(screen.getByTestId('intake-module'), { target: { value: ' drawings ' } });
    fireEvent.change(screen.getByTestId('intake-environment'), { target: { value: 'Windows 11 / Edge' } });
    fireEvent.click(screen.getByTestId('new-ticket-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const post = calls.find((call) => call.path === '/api/tickets');
    expect(post?.body).toEqual({ subject: 'Crash', description: 'It crashes', priority: 'P3', intake: { module: 'drawings', environment: 'Windows 11 / Edge' } });
  });

  it('shows an intake field error from the server beside its field', async () => {
    setup((request) =>
      request.path === '/api/tickets'
        ? problem(400, 'Bad request', { errors: [{ field: 'intake.version', message: 'at most 100 characters' }] })
        : jsonResponse(200, []),
    );
    fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: 'Crash' } });
    fireEvent.change(screen.getByTestId('new-ticket-description'), { target: { value: 'It crashes' } });
    fireEvent.change(screen.getByTestId('intake-version'), { target: { value: '1.2' } });
    fireEvent.click(screen.getByTestId('new-ticket-submit'));
    await waitFor(() => expect(screen.getByTestId('intake-version').getAttribute('aria-invalid')).toBe('true'));
    const describedBy = screen.getByTestId('intake-version').getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('at most 100 characters');
  });

  it('leaves the intake out when every field is blank', () => {
    expect(intakeOf({ module: ' ', version: '', environment: '', steps: '' })).toBeUndefined();
  });
});
