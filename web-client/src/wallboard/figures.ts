import type { Priority, WallboardSnapshot } from '../api/types';
import type { Texts } from './texts';

/** The wall board as the server sends it: the contract's snapshot plus the extras (README "Wall board and reports"). */
export interface Wallboard extends WallboardSnapshot {
  repeatRate: number | null;
  nps: number | null;
  slaCompliance: number | null;
  /** Solved tickets in the window with a linked knowledge-base article. */
  kbAdoptionRate: number | null;
  openTotal: number;
  openedInWindow: number;
  resolvedInWindow: number;
  window: string;
  targets: Targets;
  atRisk: AtRisk[];
  hourly: Hour[];
}

export interface Targets {
  firstResponseSeconds: number;
  resolutionSeconds: number;
  csatAverage: number;
  repeatRate: number;
}

export interface AtRisk {
  ticketId: string;
  number: number;
  subject: string;
  priority: Priority;
  state: 'AT_RISK' | 'BREACHED';
  clock: 'firstResponse' | 'nextResponse' | 'resolution' | null;
  dueAt: string | null;
  assignee: string | null;
}

export interface Hour {
  start: string;
  opened: Record<Priority, number>;
  firstResponseMedianSeconds: number | null;
  slaCompliance: number | null;
}

export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

export type Tone = 'good' | 'bad' | 'none';

/** Whether a figure meets its target: lower is better for times and repeats, higher for CSAT. */
export function tone(value: number | null, target: number, better: 'lower' | 'higher'): Tone {
  if (value === null || value === undefined) return 'none';
  const meets = better === 'lower' ? value < target : value > target;
  return meets ? 'good' : 'bad';
}

/** How far along the gauge under a tile the value is, with the target line at `targetAt` (both 0..1). */
export function gauge(value: number | null, target: number, max: number): { fill: number; targetAt: number } {
  const clamp = (n: number) => Math.max(0, Math.min(1, n));
  return { fill: value === null ? 0 : clamp(value / max), targetAt: clamp(target / max) };
}

/** `12 min`, `2.5 h`, or the no-data dash. */
export function seconds(value: number | null, t: Texts): string {
  if (value === null || value === undefined) return t('wb.noData');
  if (value < 3600) return t('wb.minutes', { n: Math.round(value / 60) });
  return t('wb.hours', { n: Math.round((value / 3600) * 10) / 10 });
}

/** `4.2%` for a 0..1 rate, or the dash. */
export function percent(rate: number | null, t: Texts, digits = 1): string {
  if (rate === null || rate === undefined) return t('wb.noData');
  return t('wb.percent', { n: (Math.round(rate * 100 * 10 ** digits) / 10 ** digits).toString() });
}

export function decimal(value: number | null, t: Texts, digits = 2): string {
  if (value === null || value === undefined) return t('wb.noData');
  return value.toFixed(digits);
}

/** Hours of an ISO-8601 duration such as `PT24H` (the window), for the "last 24 h" label. */
export function windowHours(duration: string): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (!match) return 24;
  return Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60;
}

/** Milliseconds left until `dueAt` on the server's clock (negative: overdue). */
export function remaining(dueAt: string | null, now: number, serverOffsetMs: number): number | null {
  if (!dueAt) return null;
  return Date.parse(dueAt) - (now + serverOffsetMs);
}

const HOUR_FORMAT = new Map<string, Intl.DateTimeFormat>();

export function hourLabel(iso: string, language: string): string {
  let fmt = HOUR_FORMAT.get(language);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false });
    HOUR_FORMAT.set(language, fmt);
  }
  return fmt.format(new Date(iso));
}

const COLORS: Record<Priority, string> = { P1: '#ff5c5c', P2: '#ffb347', P3: '#5cb8ff', P4: '#9aa5b1' };
const AXIS = { axisLine: { lineStyle: { color: '#56606b' } }, axisLabel: { color: '#c9d1d9', fontSize: 14 } };

/** ECharts option: tickets opened per hour, stacked by priority. */
export function byPriorityOption(board: Wallboard, language: string) {
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, textStyle: { color: '#c9d1d9', fontSize: 14 } },
    xAxis: { type: 'category', data: board.hourly.map((h) => hourLabel(h.start, language)), ...AXIS },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#2a3138' } }, ...AXIS },
    series: PRIORITIES.map((p) => ({
      name: p,
      type: 'bar',
      stack: 'opened',
      itemStyle: { color: COLORS[p] },
      data: board.hourly.map((h) => h.opened[p] ?? 0),
    })),
  };
}

/** ECharts option: share of tickets solved within SLA per hour (%), with the overall figure as a line. */
export function slaOption(board: Wallboard, language: string) {
  const overall = board.slaCompliance === null ? null : Math.round(board.slaCompliance * 1000) / 10;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: board.hourly.map((h) => hourLabel(h.start, language)), ...AXIS },
    yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#2a3138' } }, ...AXIS },
    series: [
      {
        type: 'line',
        connectNulls: true,
        lineStyle: { color: '#3ddc97', width: 3 },
        itemStyle: { color: '#3ddc97' },
        data: board.hourly.map((h) => (h.slaCompliance === null ? null : Math.round(h.slaCompliance * 1000) / 10)),
        markLine:
          overall === null
            ? undefined
            : { symbol: 'none', label: { color: '#c9d1d9', formatter: `${overall}%` }, lineStyle: { color: '#3ddc97', type: 'dashed' }, data: [{ yAxis: overall }] },
      },
    ],
  };
}

/** ECharts option: first-response median per hour in minutes, with the target as a red line. */
export function responseOption(board: Wallboard, language: string) {
  const target = Math.round(board.targets.firstResponseSeconds / 60);
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: board.hourly.map((h) => hourLabel(h.start, language)), ...AXIS },
    yAxis: { type: 'value', min: 0, splitLine: { lineStyle: { color: '#2a3138' } }, ...AXIS },
    series: [
      {
        type: 'line',
        connectNulls: true,
        lineStyle: { color: '#5cb8ff', width: 3 },
        itemStyle: { color: '#5cb8ff' },
        data: board.hourly.map((h) => (h.firstResponseMedianSeconds === null ? null : Math.round(h.firstResponseMedianSeconds / 6) / 10)),
        markLine: { symbol: 'none', label: { color: '#ff5c5c', formatter: `${target}` }, lineStyle: { color: '#ff5c5c', type: 'dashed', width: 2 }, data: [{ yAxis: target }] },
      },
    ],
  };
}
