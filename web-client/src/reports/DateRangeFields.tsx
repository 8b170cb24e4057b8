import { useTexts } from '../wallboard/texts';
import type { Range } from './reportsApi';

/** The from / to dates of a report form, each bounding the other. */
export function DateRangeFields({ range, onChange }: { range: Range; onChange: (range: Range) => void }) {
  const x = useTexts();
  return (
    <>
      <label className="field">
        <span>{x('reports.from')}</span>
        <input type="date" value={range.from} max={range.to} onChange={(e) => onChange({ ...range, from: e.target.value })} required />
      </label>
      <label className="field">
        <span>{x('reports.to')}</span>
        <input type="date" value={range.to} min={range.from} onChange={(e) => onChange({ ...range, to: e.target.value })} required />
      </label>
    </>
  );
}
