import './survey.css';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { describeError } from '../ui/errorMessage';
import { formatDateTime } from '../ui/time';
import { useTexts } from '../wallboard/texts';

export interface Survey {
  ticketId: string;
  csat: number;
  nps: number | null;
  comment: string | null;
  submittedAt: string;
  firstSubmittedAt: string;
  changeableUntil: string;
}

const STARS = [1, 2, 3, 4, 5];
const SCORES = Array.from({ length: 11 }, (_, i) => i);

/**
 * The customer's satisfaction survey on a solved ticket: 1-5 stars, an optional 0-10 recommendation score and a
 * comment. Once answered it shows the answer, changeable until the server's `changeableUntil`.
 */
export function SurveyPanel({ api, ticketId, now = () => Date.now() }: { api: ApiClient; ticketId: string; now?: () => number }) {
  const x = useTexts();
  const t = useT();
  const [language] = useLanguage();
  const [saved, setSaved] = useState<Survey | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [editing, setEditing] = useState(false);
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/tickets/${encodeURIComponent(ticketId)}/survey`;

  useEffect(() => {
    let live = true;
    api.call<Survey>('GET', path).then(
      (survey) => {
        if (!live) return;
        setSaved(survey);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (!live) return;
        if (!(failure instanceof ApiError && failure.status === 404)) setError(describeError(failure, t));
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, t]);

  if (!loaded) return null;
  const changeable = saved !== null && Date.parse(saved.changeableUntil) > now();

  if (saved && !editing) {
    return (
      <section className="panel survey" data-testid="survey-done">
        <h2>{x('survey.title')}</h2>
        <p className="survey-stars" aria-label={x('survey.star', { n: saved.csat })}>
          {STARS.map((n) => (n <= saved.csat ? '★' : '☆')).join('')}
          {saved.nps !== null && <span className="muted"> · NPS {saved.nps}</span>}
        </p>
        {saved.comment && <p>{saved.comment}</p>}
        <p className="muted">{x('survey.thanks')} {changeable ? x('survey.changeableUntil', { date: formatDateTime(saved.changeableUntil, language) }) : x('survey.final')}</p>
        {changeable && (
          <button
            type="button"
            className="button button-small"
            data-testid="survey-edit"
            onClick={() => {
              setCsat(saved.csat);
              setNps(saved.nps);
              setComment(saved.comment ?? '');
              setEditing(true);
            }}
          >
            {x('survey.update')}
          </button>
        )}
      </section>
    );
  }

  const submit = async () => {
    if (csat === null) return;
    setBusy(true);
    setError(null);
    try {
      const survey = await api.call<Survey>('POST', path, { csat, ...(nps === null ? {} : { nps }), comment: comment.trim() || undefined });
      setSaved(survey);
      setEditing(false);
    } catch (failure) {
      setError(x('survey.error', { message: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel survey" data-testid="survey">
      <h2>{x('survey.title')}</h2>
      <fieldset className="survey-csat">
        <legend>{x('survey.csat')}</legend>
        {STARS.map((n) => (
          <button
            key={n}
            type="button"
            className={`survey-star${csat !== null && n <= csat ? ' survey-star-on' : ''}`}
            aria-pressed={csat === n}
            aria-label={x('survey.star', { n })}
            data-testid={`survey-star-${n}`}
            onClick={() => setCsat(n)}
          >
            ★
          </button>
        ))}
      </fieldset>
      <fieldset className="survey-nps">
        <legend>{x('survey.nps')}</legend>
        {SCORES.map((n) => (
          <button key={n} type="button" className={`survey-score${nps === n ? ' survey-score-on' : ''}`} aria-pressed={nps === n} data-testid={`survey-nps-${n}`} onClick={() => setNps(nps === n ? null : n)}>
            {n}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>{x('survey.comment')}</span>
        <textarea value={comment} maxLength={4000} rows={3} onChange={(e) => setComment(e.target.value)} data-testid="survey-comment" />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button-primary" disabled={csat === null || busy} aria-busy={busy} onClick={() => void submit()} data-testid="survey-submit">
        {x('survey.submit')}
      </button>
    </section>
  );
}
