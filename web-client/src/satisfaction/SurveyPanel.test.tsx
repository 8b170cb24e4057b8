import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { jsonResponse, mockFetch, problem } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { SurveyPanel } from './SurveyPanel';

const answer = {
  ticketId: 't1',
  csat: 2,
  nps: 3,
  comment: 'Slow',
  submittedAt: '2026-11-22T10:00:00Z',
  firstSubmittedAt: '2026-11-22T10:00:00Z',
  changeableUntil: '2026-11-29T10:00:00Z',
};

describe('SurveyPanel', () => {
  it('asks for stars, a score and a comment, then shows the answer, changeable for a week', async () => {
    const { fetch, calls } = mockFetch((request) =>
      request.method === 'GET' ? problem(404, 'Not found') : jsonResponse(201, answer),
    );
    const api = createApiClient({ fetch, getToken: () => 't', onUnauthorized: () => undefined });
    renderWithI18n(<SurveyPanel api={api} ticketId="t1" now={() => Date.parse('2026-11-23T00:00:00Z')} />);
    const submit = await screen.findByTestId('survey-submit');
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('survey-star-2'));
    fireEvent.click(screen.getByTestId('survey-nps-3'));
    fireEvent.change(screen.getByTestId('survey-comment'), { target: { value: ' Slow ' } });
    fireEvent.click(submit);
    expect(await screen.findByTestId('survey-done')).toBeTruthy();
    expect(calls[1]).toMatchObject({ method: 'POST', path: '/api/tickets/t1/survey', body: { csat: 2, nps: 3, comment: 'Slow' } });
    expect(screen.getByTestId('survey-edit')).toBeTruthy();
  });

  it('shows a final answer without a way to change it after seven days', async () => {
    const { fetch } = mockFetch(() => jsonResponse(200, answer));
    const api = createApiClient({ fetch, getToken: () => 't', onUnauthorized: () => undefined });
    renderWithI18n(<SurveyPanel api={api} ticketId="t1" now={() => Date.parse('2026-12-01T00:00:00Z')} />, 'zh-CN');
    expect((await screen.findByTestId('survey-done')).textContent).toContain('不可修改');
    expect(screen.queryByTestId('survey-edit')).toBeNull();
  });
});
