/**
 * Markdown-lite for chat messages, parsed into a small tree that MessageBody renders as React
 * elements (never as HTML strings): paragraphs and line breaks, `inline code`, fenced code blocks,
 * **bold**, *italic*, [links](https://…) and bare http(s) URLs.
 *
 * Safety comes from two rules: everything the user wrote ends up in text nodes (React escapes them,
 * so `<img onerror=…>` is shown as typed), and only http, https and mailto URLs become links;
 * a link to anything else (javascript:, data:, vbscript:, relative paths, …) stays literal text.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'br' };

export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'code'; text: string; language?: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Deeper nesting than this is shown as text (and keeps hostile input from recursing for long). */
const MAX_DEPTH = 6;

/**
 * The URL as it may go into an href, or null when it is not an absolute http, https or mailto URL.
 * Whitespace and control characters anywhere make it unsafe (browsers strip some of them, which is
 * how `java\tscript:` tricks work).
 */
export function safeHref(raw: string): string | null {
  const candidate = raw.trim();
  if (!candidate || /[\u0000-\u0020\u007f-\u009f\s<>"`]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? url.href : null;
  return url.hostname ? url.href : null;
}

/** Splits a message body into paragraphs and fenced code blocks. */
export function parseMarkdown(body: string): Block[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];

  const flush = () => {
    if (paragraph.length > 0) {
      const text = paragraph.join('\n');
      if (text.trim()) blocks.push({ kind: 'paragraph', children: parseInline(text) });
      paragraph = [];
    }
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const fence = /^ {0,3}```\s*([^`\s]*)[^`]*$/.exec(line);
    if (fence) {
      flush();
      const content: string[] = [];
      // an unclosed fence runs to the end of the message, as in CommonMark
      for (index += 1; index < lines.length; index += 1) {
        const inner = lines[index] as string;
        if (/^ {0,3}```\s*$/.test(inner)) break;
        content.push(inner);
      }
      const block: Block = { kind: 'code', text: content.join('\n') };
      if (fence[1]) block.language = fence[1];
      blocks.push(block);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '#', '+', '-', '.', '!', '<', '>', '~', '|']);
const BARE_URL = /(?:https?:\/\/|mailto:)[^\s<>]+/iy;

/** Trailing punctuation is not part of a bare URL (`see https://x.test/a.`), nor an unbalanced `)`. */
function trimBareUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if ('.,;:!?\'"*'.includes(last)) {
      end -= 1;
      continue;
    }
    if (last === ')' || last === ']') {
      const open = last === ')' ? '(' : '[';
      const text = url.slice(0, end);
      const opens = text.split(open).length - 1;
      const closes = text.split(last).length - 1;
      if (closes > opens) {
        end -= 1;
        continue;
      }
    }
    break;
  }
  return url.slice(0, end);
}

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

/** Inline markup of one paragraph (newlines become line breaks). */
export function parseInline(text: string): Inline[] {
  return new InlineParser(text).parse(0, text.length, 0, true);
}

class InlineParser {
  /** Per delimiter, a start position from which no closer was found (so later searches can stop early). */
  private readonly noCloserFrom = new Map<string, number>();

  constructor(private readonly text: string) {}

  parse(start: number, end: number, depth: number, allowLinks: boolean): Inline[] {
    const { text } = this;
    const out: Inline[] = [];
    let buffer = '';
    const flushText = () => {
      if (buffer) {
        const previous = out[out.length - 1];
        if (previous?.kind === 'text') previous.text += buffer;
        else out.push({ kind: 'text', text: buffer });
        buffer = '';
      }
    };
    const push = (node: Inline) => {
      flushText();
      out.push(node);
    };

    let i = start;
    while (i < end) {
      const char = text[i] as string;

      if (char === '\\' && i + 1 < end && ESCAPABLE.has(text[i + 1] as string)) {
        buffer += text[i + 1];
        i += 2;
        continue;
      }

      if (char === '\n') {
        push({ kind: 'br' });
        i += 1;
        continue;
      }

      if (char === '`') {
        const run = this.runLength(i, end, '`');
        const close = this.findBacktickClose(i + run, end, run);
        if (close >= 0) {
          let code = text.slice(i + run, close);
          if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
          push({ kind: 'code', text: code });
          i = close + run;
        } else {
          buffer += text.slice(i, i + run);
          i += run;
        }
        continue;
      }

      if (char === '*' && depth < MAX_DEPTH) {
        const strong = text.startsWith('**', i) && i + 2 <= end;
        const delimiter = strong ? '**' : '*';
        const after = text[i + delimiter.length];
        if (!isSpace(after) && !(delimiter === '*' && after === '*')) {
          const close = this.findEmphasisClose(i + delimiter.length, end, delimiter);
          if (close > i + delimiter.length) {
            const children = this.parse(i + delimiter.length, close, depth + 1, allowLinks);
            push(strong ? { kind: 'strong', children } : { kind: 'em', children });
            i = close + delimiter.length;
            continue;
          }
        }
        // not markup: the run of stars is text
        const run = this.runLength(i, end, '*');
        buffer += text.slice(i, i + run);
        i += run;
        continue;
      }

      if (char === '[' && allowLinks && depth < MAX_DEPTH) {
        const link = this.link(i, end);
        if (link) {
          const href = safeHref(link.url);
          if (href) {
            push({ kind: 'link', href, children: this.parse(link.labelStart, link.labelEnd, depth + 1, false) });
          } else {
            // not a URL we link to: the whole thing shows as written
            buffer += text.slice(i, link.end);
          }
          i = link.end;
          continue;
        }
      }

      if ((char === 'h' || char === 'H' || char === 'm' || char === 'M') && !isWordChar(text[i - 1])) {
        BARE_URL.lastIndex = i;
        const match = BARE_URL.exec(text);
        if (match) {
          const raw = match[0].slice(0, end - i);
          const url = trimBareUrl(raw);
          const href = allowLinks && url ? safeHref(url) : null;
          if (href) {
            push({ kind: 'link', href, children: [{ kind: 'text', text: url }] });
          } else {
            buffer += url || raw;
          }
          i += (url || raw).length;
          continue;
        }
      }

      buffer += char;
      i += 1;
    }
    flushText();
    return out;
  }

  private runLength(at: number, end: number, char: string): number {
    let n = 0;
    while (at + n < end && this.text[at + n] === char) n += 1;
    return n;
  }

  /** Start of the closing run of exactly `run` backticks, or -1. */
  private findBacktickClose(from: number, end: number, run: number): number {
    const key = `\`${run}`;
    const known = this.noCloserFrom.get(key);
    if (known !== undefined && from >= known) return -1;
    let i = from;
    while (i < end) {
      if (this.text[i] === '`') {
        const length = this.runLength(i, end, '`');
        if (length === run) return i;
        i += length;
      } else {
        i += 1;
      }
    }
    this.noCloserFrom.set(key, Math.min(from, known ?? from));
    return -1;
  }

  /**
   * Walks `[from, end)` past backslash escapes and code spans (what they hold is literal; an unclosed
   * backtick run is passed as text), calling `step` at every other position. `step` answers where to
   * go on, or null to stop there. Returns where the walk stopped (at or past `end` when it ran out).
   */
  private walkOutsideCode(from: number, end: number, step: (i: number, char: string | undefined) => number | null): number {
    let i = from;
    while (i < end) {
      const char = this.text[i];
      let next: number | null;
      if (char === '\\') {
        next = i + 2;
      } else if (char === '`') {
        const run = this.runLength(i, end, '`');
        const close = this.findBacktickClose(i + run, end, run);
        next = close >= 0 ? close + run : i + run;
      } else {
        next = step(i, char);
      }
      if (next === null) return i;
      i = next;
    }
    return i;
  }

  /**
   * Where the emphasis opened before `from` closes, or -1. The closer must follow a non-space; code
   * spans are skipped (stars in code are literal), and so are `**` pairs when looking for a single `*`.
   */
  private findEmphasisClose(from: number, end: number, delimiter: '*' | '**'): number {
    const key = `${delimiter}@${end}`;
    const known = this.noCloserFrom.get(key);
    if (known !== undefined && from >= known) return -1;
    const { text } = this;
    let closer = -1;
    this.walkOutsideCode(from, end, (i, char) => {
      if (char !== '*') return i + 1;
      const run = this.runLength(i, end, '*');
      const canClose = !isSpace(text[i - 1]) && i > from;
      if (delimiter === '**') {
        if (run >= 2 && canClose) closer = i + run - 2;
      } else if (run === 1) {
        if (canClose) closer = i;
      } else if (run === 3 && canClose) {
        // `*a **b***`: the last star closes the single one
        closer = i + 2;
      }
      return closer >= 0 ? null : i + run;
    });
    if (closer < 0) this.noCloserFrom.set(key, Math.min(from, known ?? from));
    return closer;
  }

  /** `[label](url)` starting at `at`: label bounds, url and where it ends; null when it is not one. */
  private link(at: number, end: number): { labelStart: number; labelEnd: number; url: string; end: number } | null {
    const { text } = this;
    const known = this.noCloserFrom.get(']');
    if (known !== undefined && at >= known) return null;
    let depth = 0;
    let labelEnd = -1;
    const stoppedAt = this.walkOutsideCode(at, end, (i, char) => {
      if (char === '\n' && text[i + 1] === '\n') return null;
      if (char === '[') depth += 1;
      if (char === ']') {
        depth -= 1;
        if (depth === 0) {
          labelEnd = i;
          return null;
        }
      }
      return i + 1;
    });
    if (labelEnd < 0) {
      if (depth > 0 && stoppedAt >= end) this.noCloserFrom.set(']', at);
      return null;
    }
    if (text[labelEnd + 1] !== '(' || labelEnd === at + 1) return null;
    let parens = 0;
    let j = labelEnd + 1;
    for (; j < end; j += 1) {
      const char = text[j];
      if (char === '(') parens += 1;
      else if (char === ')') {
        parens -= 1;
        if (parens === 0) break;
      } else if (char === '\n') return null;
    }
    if (j >= end) return null;
    let url = text.slice(labelEnd + 2, j).trim();
    if (url.startsWith('<') && url.endsWith('>')) url = url.slice(1, -1);
    return { labelStart: at + 1, labelEnd, url, end: j + 1 };
  }
}

/** The text a message shows, without markup (for previews and accessible names). */
export function plainText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'code':
          return node.text;
        case 'br':
          return '\n';
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
