import { strokePath, type MarksState } from '../webrtc/marks';
import type { Rect } from '../webrtc/pointer';

/**
 * Pointer marks as SVG over a box: the cursor, click ripples, drawn strokes. `box` is where the shared
 * view sits inside the layer (the video's picture on the agent's side, the viewport on the customer's).
 */
export function MarksLayer({ marks, box, width, height, testId, label }: { marks: MarksState; box: Rect; width: number; height: number; testId: string; label?: string }) {
  const at = (x: number, y: number) => ({ cx: box.left + x * box.width, cy: box.top + y * box.height });
  return (
    <svg className="assist-marks" width={width} height={height} viewBox={`0 0 ${Math.max(1, width)} ${Math.max(1, height)}`} data-testid={testId} aria-hidden="true">
      <g transform={`translate(${box.left} ${box.top})`}>
        {marks.strokes.map((stroke, index) => (
          <path key={index} className="assist-stroke" d={strokePath(stroke, box.width, box.height)} data-testid="assist-mark" data-mark="draw" />
        ))}
      </g>
      {marks.clicks.map((click) => (
        <circle key={click.id} className="assist-click" r={18} {...at(click.x, click.y)} data-testid="assist-mark" data-mark="click" />
      ))}
      {marks.cursor && (
        <g data-testid="assist-mark" data-mark="move" data-x={marks.cursor.x.toFixed(3)} data-y={marks.cursor.y.toFixed(3)}>
          <circle className="assist-cursor" r={8} {...at(marks.cursor.x, marks.cursor.y)} />
          {label && (
            <text className="assist-cursor-label" x={at(marks.cursor.x, marks.cursor.y).cx + 12} y={at(marks.cursor.x, marks.cursor.y).cy + 4}>
              {label}
            </text>
          )}
        </g>
      )}
    </svg>
  );
}
