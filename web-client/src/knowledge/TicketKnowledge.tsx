import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Ticket } from '../api/types';
import { ticketHref } from '../app/hashRoute';
import { ErrorBanner } from '../ui/ErrorBanner';
import { kbApi, solvedFirst, type SearchHit, type SimilarTicket } from './kbApi';
import { useKbTexts } from './texts';

/**
 * Beside a ticket in the console: articles ranked for its subject and description, each with "Link"
 * (linked ones marked), and the most similar earlier tickets, solved ones first.
 */
export function TicketKnowledge({ api, ticket }: { api: ApiClient; ticket: Ticket }) {
  const x = useKbTexts();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [linked, setLinked] = useState<ReadonlySet<string>>(new Set());
  const [similar, setSimilar] = useState<SimilarTicket[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [linking, setLinking] = useState<string | null>(null);
  const query = `${ticket.subject} ${ticket.description}`;

  useEffect(() => {
    let live = true;
    const failed = (failure: unknown) => live && setError(failure);
    kbApi.search(api, query.slice(0, 1000), 5).then((found) => live && setHits(found), failed);
    kbApi.links(api, ticket.id).then((links) => live && setLinked(new Set(links.map((link) => link.articleId))), failed);
    kbApi.similar(api, ticket.id).then((found) => live && setSimilar(solvedFirst(found)), failed);
    return () => {
      live = false;
    };
  }, [api, ticket.id, query]);

  const link = useCallback(
    async (articleId: string) => {
      setLinking(articleId);
      try {
        await kbApi.link(api, ticket.id, articleId);
        setLinked((current) => new Set([...current, articleId]));
      } catch (failure) {
        setError(failure);
      } finally {
        setLinking(null);
      }
    },
    [api, ticket.id],
  );

  return (
    <>
      <section className="panel" data-testid="kb-ticket-suggestions" aria-labelledby="kb-suggestions-title">
        <h2 id="kb-suggestions-title" className="panel-title">
          {x('kb.suggestions')}
        </h2>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {hits && hits.length === 0 && <p className="muted">{x('kb.suggestions.none')}</p>}
        <ol className="kb-ranked">
          {(hits ?? []).map((hit) => (
            <li key={hit.id} data-testid="kb-ticket-suggestion">
              <span className="kb-ranked-title">{hit.title}</span>{' '}
              <span className="muted">{x('kb.score', { n: Math.round(hit.score * 100) })}</span>{' '}
              {linked.has(hit.id) ? (
                <span className="kb-linked" data-testid="kb-linked">
                  ✓ {x('kb.linked')}
                </span>
              ) : (
                <button type="button" className="button button-small" data-testid="kb-link" disabled={linking !== null} onClick={() => void link(hit.id)}>
                  {x('kb.link')}
                </button>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section className="panel" data-testid="similar-tickets" aria-labelledby="similar-title">
        <h2 id="similar-title" className="panel-title">
          {x('kb.similar')}
        </h2>
        {similar && similar.length === 0 && <p className="muted">{x('kb.similar.none')}</p>}
        <ul className="kb-similar">
          {(similar ?? []).map((other) => (
            <li key={other.id} data-testid="similar-ticket">
              <a href={ticketHref(other.id)}>
                #{other.number} {other.subject}
              </a>
              {other.solved && <span className="kb-solved-badge"> · {x('kb.similar.solved')}</span>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
