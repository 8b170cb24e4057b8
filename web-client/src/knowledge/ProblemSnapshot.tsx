import type { Ticket } from '../api/types';
import { useKbTexts, type KbTextKey } from './texts';

const ROWS = ['module', 'faultType', 'version', 'environment', 'steps'] as const;

/** The intake the customer gave (plus what triage filled in), at the top of the ticket in the console. */
export function ProblemSnapshot({ ticket }: { ticket: Ticket }) {
  const x = useKbTexts();
  const intake = ticket.intake ?? {};
  const rows = ROWS.filter((row) => intake[row]);
  return (
    <section className="panel problem-snapshot" data-testid="problem-snapshot" aria-labelledby="snapshot-title">
      <h2 id="snapshot-title" className="panel-title">
        {x('intake.snapshot')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{x('intake.none')}</p>
      ) : (
        <dl className="snapshot-list">
          {rows.map((row) => (
            <div key={row} className={row === 'steps' ? 'snapshot-row snapshot-wide' : 'snapshot-row'}>
              <dt>{x(`intake.${row}` as KbTextKey)}</dt>
              <dd data-testid={`snapshot-${row}`}>{intake[row]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
