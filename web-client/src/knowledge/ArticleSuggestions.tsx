import './knowledge.css';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ErrorBanner } from '../ui/ErrorBanner';
import { kbApi, type Article, type SearchHit } from './kbApi';
import { useKbTexts } from './texts';

export const SUGGEST_DELAY_MS = 400;
/** Fewer significant characters than this and nothing is searched (one CJK word is two). */
const MIN_QUERY = 2;

/** `value`, once it has stayed the same for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Published articles matching what the customer is typing (debounced GET /api/kb/search), each expandable
 * to its solution, with "This solved my problem" (POST /api/kb/deflections, then `onSolved`).
 */
export function ArticleSuggestions({ api, query, onSolved }: { api: ApiClient; query: string; onSolved: (articleId: string) => void }) {
  const x = useKbTexts();
  const settled = useDebounced(query.trim(), SUGGEST_DELAY_MS);
  const [hits, setHits] = useState<SearchHit[]>([]);

  useEffect(() => {
    if (settled.replace(/\s/g, '').length < MIN_QUERY) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    kbApi.search(api, settled, 5, { signal: controller.signal }).then(
      (found) => setHits(found.filter((hit) => hit.status === 'PUBLISHED')),
      () => undefined, // suggestions are a help, not the form: a failure just shows none
    );
    return () => controller.abort();
  }, [api, settled]);

  if (hits.length === 0) return null;
  return (
    <section className="kb-suggestions" data-testid="kb-suggestions" aria-live="polite">
      <h3 className="panel-title">{x('suggest.title')}</h3>
      <ul className="kb-suggestion-list">
        {hits.map((hit) => (
          <Suggestion key={hit.id} api={api} hit={hit} onSolved={() => onSolved(hit.id)} query={settled} />
        ))}
      </ul>
    </section>
  );
}

function Suggestion({ api, hit, query, onSolved }: { api: ApiClient; hit: SearchHit; query: string; onSolved: () => void }) {
  const x = useKbTexts();
  const [open, setOpen] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function toggle() {
    setOpen(!open);
    if (!open && !article) {
      kbApi.article(api, hit.id).then(setArticle, setError);
    }
  }

  async function solved() {
    setBusy(true);
    try {
      await kbApi.deflect(api, hit.id, query);
      onSolved();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <li className="kb-suggestion" data-testid="kb-suggestion">
      <button type="button" className="link-button kb-suggestion-title" aria-expanded={open} onClick={toggle}>
        {hit.title}
      </button>
      {hit.snippet && <p className="muted kb-snippet">{hit.snippet}</p>}
      {open && (
        <div className="kb-solution" data-testid="kb-solution">
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
          {article ? (
            <>
              {article.cause && <p>{article.cause}</p>}
              <p className="kb-solution-text">{article.solution}</p>
              <button type="button" className="button button-small" data-testid="kb-solved" disabled={busy} onClick={() => void solved()}>
                {x('suggest.solved')}
              </button>
            </>
          ) : (
            !error && <p className="muted">{x('suggest.loading')}</p>
          )}
        </div>
      )}
    </li>
  );
}

/** Shown instead of the new-ticket form once an article solved the customer's problem. */
export function DeflectionThanks({ onAgain }: { onAgain: () => void }) {
  const x = useKbTexts();
  return (
    <div className="kb-thanks" data-testid="kb-thanks" role="status">
      <p>{x('suggest.thanks')}</p>
      <button type="button" className="button button-small" onClick={onAgain}>
        {x('suggest.newTicket')}
      </button>
    </div>
  );
}
