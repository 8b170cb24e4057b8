import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyControl, describeElement, isSensitive, type CobrowseEnvironment } from './cobrowse';
import type { ControlMessage } from './protocol';

/** A page whose elementFromPoint answers by the element's id: (x, y) = (index/10 + 0.05, 0.5). */
function page(html: string) {
  document.body.innerHTML = html;
  const targets = [...document.querySelectorAll('[data-at]')];
  document.elementFromPoint = (x: number) => targets.find((element) => Number(element.getAttribute('data-at')) === Math.floor(x / 100)) ?? document.body;
  const env: CobrowseEnvironment = {
    document,
    window,
    // a 1000 x 1000 viewport, a point off to the left is outside
    toViewport: (x, y) => ({ x: x * 1000, y: y * 1000, inside: x >= 0.01 }),
  };
  return env;
}

const at = (index: number) => ({ x: index / 10 + 0.05, y: 0.5 });
const control = (message: Omit<ControlMessage, 'type'>): ControlMessage => ({ type: 'control', ...message });

describe('co-browse', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('clicks the button under the point and names it', () => {
    const env = page('<button data-at="1" id="b"><span data-at="2">Save changes</span></button>');
    const clicked = vi.fn();
    document.getElementById('b')!.addEventListener('click', clicked);
    const outcome = applyControl(control({ action: 'click', ...at(2) }), env);
    expect(outcome).toMatchObject({ applied: true, action: 'click', label: 'Save changes' });
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('never clicks into password, payment or private fields, nor the assistance controls', () => {
    const env = page(`
      <input data-at="1" type="password" name="pw">
      <input data-at="2" autocomplete="cc-number" name="card">
      <div data-private><span data-at="3">Account 1234</span></div>
      <div data-assist-ui><button data-at="4">Stop sharing</button></div>
      <a data-at="5" href="https://elsewhere.example/">Elsewhere</a>`);
    const stop = vi.fn();
    document.querySelector('[data-assist-ui] button')!.addEventListener('click', stop);
    expect(applyControl(control({ action: 'click', ...at(1) }), env)).toMatchObject({ applied: false, why: 'private' });
    expect(applyControl(control({ action: 'click', ...at(2) }), env)).toMatchObject({ applied: false, why: 'private' });
    expect(applyControl(control({ action: 'click', ...at(3) }), env)).toMatchObject({ applied: false, why: 'private' });
    expect(applyControl(control({ action: 'click', ...at(4) }), env)).toMatchObject({ applied: false, why: 'assist-ui' });
    expect(applyControl(control({ action: 'click', ...at(5) }), env)).toMatchObject({ applied: false, why: 'leaves-portal' });
    expect(applyControl(control({ action: 'click', x: 0.001, y: 0.5 }), env)).toMatchObject({ applied: false, why: 'outside' });
    expect(stop).not.toHaveBeenCalled();
  });

  it('types into the field it clicked, but never into a password field', () => {
    const env = page('<label for="s">Subject</label><input data-at="1" id="s" value="Print"><input data-at="2" id="p" type="password">');
    const field = document.getElementById('s') as HTMLInputElement;
    const inputs = vi.fn();
    field.addEventListener('input', inputs);
    applyControl(control({ action: 'click', ...at(1) }), env);
    expect(document.activeElement).toBe(field);
    field.setSelectionRange(5, 5);
    for (const key of ['e', 'r']) expect(applyControl(control({ action: 'key', key }), env)).toMatchObject({ applied: true, label: 'Subject' });
    expect(field.value).toBe('Printer');
    applyControl(control({ action: 'key', key: 'Backspace' }), env);
    expect(field.value).toBe('Printe');
    expect(inputs).toHaveBeenCalledTimes(3);

    const password = document.getElementById('p') as HTMLInputElement;
    password.focus();
    expect(applyControl(control({ action: 'key', key: 'x' }), env)).toMatchObject({ applied: false, why: 'private' });
    expect(applyControl(control({ action: 'input', text: 'secret', ...at(2) }), env)).toMatchObject({ applied: false, why: 'private' });
    expect(password.value).toBe('');
  });

  it('sets a whole field with input, and only editable fields', () => {
    const env = page('<textarea data-at="1" aria-label="Description"></textarea><button data-at="2">Go</button>');
    expect(applyControl(control({ action: 'input', text: 'Paper jam', ...at(1) }), env)).toMatchObject({ applied: true, label: 'Description' });
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Paper jam');
    expect(applyControl(control({ action: 'input', text: 'x', ...at(2) }), env)).toMatchObject({ applied: false, why: 'not-editable' });
  });

  it('submits the form on Enter in a field', () => {
    const env = page('<form><input data-at="1" name="q"><button>Search</button></form>');
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')!.addEventListener('submit', submitted);
    applyControl(control({ action: 'click', ...at(1) }), env);
    applyControl(control({ action: 'key', key: 'Enter' }), env);
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('moves focus with Tab, skipping private fields', () => {
    const env = page('<input id="a" data-at="1"><input id="pw" type="password"><button id="b">Next</button>');
    applyControl(control({ action: 'click', ...at(1) }), env);
    expect(applyControl(control({ action: 'key', key: 'Tab' }), env)).toMatchObject({ applied: true, label: 'Next' });
    expect(document.activeElement?.id).toBe('b');
  });

  it('scrolls the page by fractions of the view', () => {
    const env = page('<p data-at="1">text</p>');
    const scrollBy = vi.fn();
    window.scrollBy = scrollBy as unknown as typeof window.scrollBy;
    expect(applyControl(control({ action: 'scroll', dx: 0, dy: 0.5 }), env)).toMatchObject({ applied: true });
    expect(scrollBy).toHaveBeenCalledWith({ left: 0, top: window.innerHeight / 2 });
  });

  it('tells sensitive fields and names elements without their values', () => {
    document.body.innerHTML = '<input id="n" name="card" autocomplete="CC-NUMBER" value="4111"><input id="t" placeholder="Your name" value="Carol">';
    expect(isSensitive(document.getElementById('n'))).toBe(true);
    expect(isSensitive(document.getElementById('t'))).toBe(false);
    expect(describeElement(document.getElementById('t'))).toBe('Your name');
  });
});
