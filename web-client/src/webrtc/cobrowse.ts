/**
 * In-portal co-browse: the agent's clicks, scrolls and typing applied inside the customer's portal
 * page, never anywhere else. Password and payment fields (and anything marked data-private), the
 * assistance controls themselves (data-assist-ui) and links that leave the portal are never touched.
 * Each applied action is reported, so the page can show the customer what happened as it happens.
 */
import type { ControlMessage } from './protocol';
import type { ViewportPoint } from './pointer';

/** Fields whose content is never shared legibly nor controllable. */
export const SENSITIVE_SELECTOR = 'input[type="password" i], [autocomplete^="cc-" i], [data-private]';
/** What co-browse never operates: the assistance UI (consent, Stop bar), and what a page opts out. */
export const NO_CONTROL_SELECTOR = '[data-assist-ui], [data-no-cobrowse]';

const ACTIONABLE = 'button, a[href], input, select, textarea, label, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [tabindex]';
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'number']);

export function isSensitive(element: Element | null): boolean {
  return !!element && (element.matches(SENSITIVE_SELECTOR) || element.closest('[data-private]') !== null);
}

export type RefusedWhy = 'private' | 'assist-ui' | 'outside' | 'leaves-portal' | 'nothing-there' | 'not-editable';

export type ControlOutcome =
  | { applied: true; action: ControlMessage['action']; target: Element | null; label: string; key?: string }
  | { applied: false; action: ControlMessage['action']; why: RefusedWhy; target: Element | null };

export interface CobrowseEnvironment {
  document: Document;
  window: Window;
  /** A shared-view point (0..1) as a viewport point of this page. */
  toViewport: (x: number, y: number) => ViewportPoint;
}

/** A short human name of an element: its label, text or placeholder (never a field's value). */
export function describeElement(element: Element | null): string {
  if (!element) return '';
  const html = element as HTMLElement;
  const aria = element.getAttribute('aria-label');
  if (aria) return clip(aria);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    const label = element.labels?.[0]?.textContent;
    if (label?.trim()) return clip(label);
    const placeholder = element.getAttribute('placeholder');
    if (placeholder) return clip(placeholder);
    return element.name || element.tagName.toLowerCase();
  }
  const text = html.innerText ?? element.textContent ?? '';
  return text.trim() ? clip(text) : element.tagName.toLowerCase();
}

const clip = (value: string, max = 60): string => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function refusal(element: Element | null, origin: string): RefusedWhy | null {
  if (!element) return 'nothing-there';
  if (isSensitive(element)) return 'private';
  if (element.closest(NO_CONTROL_SELECTOR)) return 'assist-ui';
  const link = element.closest('a[href]') as HTMLAnchorElement | null;
  if (link) {
    try {
      const target = new URL(link.href, origin);
      if (target.origin !== origin || (link.target && link.target !== '_self')) return 'leaves-portal';
    } catch {
      return 'leaves-portal';
    }
  }
  return null;
}

function editable(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return !element.disabled && !element.readOnly;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type.toLowerCase()) && !element.disabled && !element.readOnly;
  return false;
}

/** Sets a field's value so that React (which tracks the value property) sees an input event. */
export function setFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function insertText(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const value = field.value;
  let start = value.length;
  let end = value.length;
  try {
    start = field.selectionStart ?? value.length;
    end = field.selectionEnd ?? value.length;
  } catch {
    // number inputs have no selection
  }
  setFieldValue(field, value.slice(0, start) + text + value.slice(end));
  try {
    field.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // as above
  }
}

function deleteBack(field: HTMLInputElement | HTMLTextAreaElement): void {
  const value = field.value;
  let start = value.length;
  let end = value.length;
  try {
    start = field.selectionStart ?? value.length;
    end = field.selectionEnd ?? value.length;
  } catch {
    // no selection
  }
  if (start === end && start > 0) start -= 1;
  setFieldValue(field, value.slice(0, start) + value.slice(end));
  try {
    field.setSelectionRange(start, start);
  } catch {
    // no selection
  }
}

function scrollableAncestor(element: Element | null, view: Window): Element | null {
  for (let node = element; node && node !== node.ownerDocument.documentElement; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (/(auto|scroll)/.test(style.overflowY + style.overflowX) && (node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth)) return node;
  }
  return null;
}

function focusables(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (element) => !(element as HTMLButtonElement).disabled && element.tabIndex >= 0 && !isSensitive(element) && !element.closest(NO_CONTROL_SELECTOR),
  );
}

/** Where a control with a point lands: the actionable element under it, or the bare element. */
function elementAt(message: ControlMessage, env: CobrowseEnvironment): { element: Element | null; outside: boolean } {
  if (message.x === undefined || message.y === undefined) return { element: env.document.activeElement, outside: false };
  const point = env.toViewport(message.x, message.y);
  if (!point.inside) return { element: null, outside: true };
  const hit = env.document.elementFromPoint(point.x, point.y);
  return { element: hit ? (hit.closest(ACTIONABLE) ?? hit) : null, outside: false };
}

/** Applies one control message to the page; what happened (or why not) comes back. */
export function applyControl(message: ControlMessage, env: CobrowseEnvironment): ControlOutcome {
  const { action } = message;
  const origin = env.window.location.origin;
  switch (action) {
    case 'click': {
      const { element, outside } = elementAt(message, env);
      if (outside) return { applied: false, action, why: 'outside', target: null };
      const why = refusal(element, origin);
      if (why || !element) return { applied: false, action, why: why ?? 'nothing-there', target: element };
      const html = element as HTMLElement;
      html.focus?.({ preventScroll: true });
      html.click?.();
      return { applied: true, action, target: element, label: describeElement(element) };
    }
    case 'scroll': {
      const { element } = message.x !== undefined ? elementAt(message, env) : { element: null };
      if (element && refusal(element, origin) === 'private') return { applied: false, action, why: 'private', target: element };
      const dx = (message.dx ?? 0) * env.window.innerWidth;
      const dy = (message.dy ?? 0) * env.window.innerHeight;
      const box = scrollableAncestor(element, env.window);
      if (box) box.scrollBy({ left: dx, top: dy });
      else env.window.scrollBy({ left: dx, top: dy });
      return { applied: true, action, target: box, label: box ? describeElement(box) : '' };
    }
    case 'input': {
      const { element, outside } = elementAt(message, env);
      if (outside) return { applied: false, action, why: 'outside', target: null };
      const why = refusal(element, origin);
      if (why) return { applied: false, action, why, target: element };
      if (!editable(element)) return { applied: false, action, why: 'not-editable', target: element };
      element.focus({ preventScroll: true });
      setFieldValue(element, message.text ?? '');
      return { applied: true, action, target: element, label: describeElement(element) };
    }
    case 'key': {
      const element = env.document.activeElement;
      const key = message.key ?? '';
      if (element && element !== env.document.body) {
        const why = refusal(element, origin);
        if (why) return { applied: false, action, why, target: element };
      }
      if (key === 'Tab') {
        const list = focusables(env.document);
        const at = element ? list.indexOf(element as HTMLElement) : -1;
        const next = list[(at + 1) % Math.max(1, list.length)];
        next?.focus();
        return { applied: true, action, target: next ?? null, label: describeElement(next ?? null), key };
      }
      if (!editable(element)) {
        if (key === 'Enter' && element instanceof HTMLElement && element.matches('button, a[href], [role="button"]')) {
          element.click();
          return { applied: true, action, target: element, label: describeElement(element), key };
        }
        return { applied: false, action, why: 'not-editable', target: element };
      }
      if (key === 'Backspace') deleteBack(element);
      else if (key === 'Enter') {
        if (element instanceof HTMLTextAreaElement) insertText(element, '\n');
        else element.form?.requestSubmit();
      } else if ([...key].length === 1) insertText(element, key);
      else return { applied: false, action, why: 'not-editable', target: element };
      return { applied: true, action, target: element, label: describeElement(element), key };
    }
    default:
      return { applied: false, action, why: 'nothing-there', target: null };
  }
}
