import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { NewTicketForm } from './NewTicketForm';

function setup(handler: Handler) {
  const mock = mockFetch(handler);
  const onCreated = vi.fn();
  renderWithI18n(<NewTicketForm api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} onCreated={onCreated} />);
  return { calls: mock.calls, onCreated };
}

function fill(subject: string, description: string, priority = 'P3') {
  fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: subject } });
  fireEvent.change(screen.getByTestId('new-ticket-description'), { target: { value: description } });
  fireEvent.change(screen.getByTestId('new-ticket-priority'), { target: { value: priority } });
}

describe('NewTicketForm', () => {
  it('labels its inputs', () => {
    setup(() => jsonResponse(201, ticket()));
    expect(screen.getByLabelText('Subject')).toBe(screen.getByTestId('new-ticket-subject'));
    expect(screen.getByLabelText('Description')).toBe(screen.getByTestId('new-ticket-description'));
    expect(screen.getByLabelText('Priority')).toBe(screen.getByTestId('new-ticket-priority'));
  });

  it('posts the ticket and reports the created one', async () => {
    const created = ticket({ subject: 'Cannot print' });
    const { calls, onCreated } = setup(() => jsonResponse(201, created));
    fill('  Cannot print ', 'Paper jam', 'P2');
    fireEvent.click(screen.getByTestId('new-ticket-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.path).toBe('/api/tickets');
    expect(calls[0]?.body).toEqual({ subject: 'Cannot print', description: 'Paper jam', priority: 'P2' });
    expect((screen.getByTestId('new-ticket-subject') as HTMLInputElement).value).toBe('');
  });

  it('requires subject and description before calling the server', () => {
    const { calls } = setup(() => jsonResponse(201, ticket()));
    fireEvent.click(screen.getByTestId('new-ticket-submit'));
    expect(calls).toHaveLength(0);
    expect(screen.getByTestId('new-ticket-subject').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Required.')).toHaveLength(2);
  });

  it('shows the server validation errors next to the fields', async () => {
    setup(() => problem(400, 'Bad Request', { errors: [{ field: 'subject', message: 'at most 200 characters' }] }));
    fill('x', 'y');
    fireEvent.click(screen.getByTestId('new-ticket-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('Please correct the highlighted fields.');
    expect(screen.getAllByText('at most 200 characters').length).toBeGreaterThan(0);
    expect(screen.getByTestId('new-ticket-subject').getAttribute('aria-invalid')).toBe('true');
  });
});
