import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, safeHref } from './markdown';
import { MessageBody } from './MessageBody';

/** The rendered HTML of a body. */
function html(body: string): string {
  const { container } = render(<MessageBody body={body} />);
  return container.innerHTML;
}

function dom(body: string): HTMLElement {
  return render(<MessageBody body={body} />).container;
}

const inner = (body: string) => html(body).replace(/^<div class="message-body" data-testid="message-body">/, '').replace(/<\/div>$/, '');

describe('markdown-lite: blocks', () => {
  it('makes paragraphs from blank lines and line breaks from single newlines', () => {
    expect(inner('Hello\nworld\n\nSecond')).toBe('<p>Hello<br>world</p><p>Second</p>');
  });

  it('treats \\r\\n like \\n and drops leading and trailing blank lines', () => {
    expect(inner('\r\n\r\nA\r\nB\r\n\r\n')).toBe('<p>A<br>B</p>');
  });

  it('renders nothing for an empty or blank body (a message with attachments only)', () => {
    expect(html('')).toBe('');
    expect(html('  \n \n')).toBe('');
  });

  it('renders fenced code blocks literally, markup included', () => {
    const body = 'Run this:\n```sh\necho **not bold** <b>x</b>\n  indented\n```\nDone';
    expect(parseMarkdown(body)).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Run this:' }] },
      { kind: 'code', text: 'echo **not bold** <b>x</b>\n  indented', language: 'sh' },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Done' }] },
    ]);
    const element = dom(body);
    const code = element.querySelector('pre code');
    expect(code?.textContent).toBe('echo **not bold** <b>x</b>\n  indented');
    expect(element.querySelector('pre b, pre strong')).toBeNull();
  });

  it('runs an unclosed fence to the end of the message', () => {
    expect(parseMarkdown('```\nline 1\nline 2')).toEqual([{ kind: 'code', text: 'line 1\nline 2' }]);
  });

  it('keeps blank lines inside a code block', () => {
    expect(parseMarkdown('```\na\n\nb\n```')).toEqual([{ kind: 'code', text: 'a\n\nb' }]);
  });
});

describe('markdown-lite: inline', () => {
  it('renders **bold**, *italic* and `code`', () => {
    expect(inner('a **b** c *d* e `f`')).toBe('<p>a <strong>b</strong> c <em>d</em> e <code class="md-code">f</code></p>');
  });

  it('nests emphasis', () => {
    expect(inner('**bold *and italic* here**')).toBe('<p><strong>bold <em>and italic</em> here</strong></p>');
    expect(inner('*italic **and bold** here*')).toBe('<p><em>italic <strong>and bold</strong> here</em></p>');
    expect(inner('***both***')).toBe('<p><strong><em>both</em></strong></p>');
  });

  it('leaves stars that are not emphasis alone', () => {
    expect(inner('2 * 3 * 4')).toBe('<p>2 * 3 * 4</p>');
    expect(inner('a ** b')).toBe('<p>a ** b</p>');
    expect(inner('**unclosed')).toBe('<p>**unclosed</p>');
    expect(inner('*')).toBe('<p>*</p>');
    expect(inner('**')).toBe('<p>**</p>');
  });

  it('does not parse markup inside inline code', () => {
    expect(inner('`**x** [a](https://e.test) <i>`')).toBe('<p><code class="md-code">**x** [a](https://e.test) &lt;i&gt;</code></p>');
    expect(inner('``a ` b``')).toBe('<p><code class="md-code">a ` b</code></p>');
    expect(inner('`unclosed')).toBe('<p>`unclosed</p>');
  });

  it('honours backslash escapes', () => {
    expect(inner('\\*not italic\\* and \\`tick\\`')).toBe('<p>*not italic* and `tick`</p>');
  });

  it('does not let a star in code close emphasis', () => {
    expect(inner('*a `*` b*')).toBe('<p><em>a <code class="md-code">*</code> b</em></p>');
  });

  it('keeps the text of every node (plainText)', () => {
    expect(plainText(parseInline('**a** *b* `c` [d](https://e.test)\nf'))).toBe('a b c d\nf');
  });

  it('copes with hostile input quickly', () => {
    const started = performance.now();
    parseInline('*'.repeat(5000) + 'x' + '`'.repeat(3000) + '['.repeat(2000));
    parseInline('**a '.repeat(2500));
    parseInline('[a]('.repeat(2000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('markdown-lite: links', () => {
  it('links http, https and mailto with rel and target', () => {
    const element = dom('See [the docs](https://docs.example.test/a?b=1&c=2) or mail [us](mailto:help@example.test).');
    const links = [...element.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://docs.example.test/a?b=1&c=2', 'mailto:help@example.test']);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
    expect(links[0]?.textContent).toBe('the docs');
  });

  it('links bare http(s) URLs without trailing punctuation', () => {
    const element = dom('Go to https://example.test/path. Or (http://example.test/x), then https://example.test/wiki/Foo_(bar)!');
    expect([...element.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'https://example.test/path',
      'http://example.test/x',
      'https://example.test/wiki/Foo_(bar)',
    ]);
    expect(element.textContent).toBe('Go to https://example.test/path. Or (http://example.test/x), then https://example.test/wiki/Foo_(bar)!');
  });

  it('allows emphasis and code in link text, but no link inside a link', () => {
    const element = dom('[**bold** `code` https://inner.test](https://outer.test)');
    const links = element.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.innerHTML).toBe('<strong>bold</strong> <code class="md-code">code</code> https://inner.test');
  });

  it('links inside emphasis', () => {
    expect(inner('**see https://x.test**')).toBe(
      '<p><strong>see <a href="https://x.test/" rel="noopener noreferrer" target="_blank">https://x.test</a></strong></p>',
    );
  });

  it('accepts only absolute http, https and mailto URLs', () => {
    expect(safeHref('https://example.test')).toBe('https://example.test/');
    expect(safeHref('HTTP://EXAMPLE.TEST/a')).toBe('http://example.test/a');
    expect(safeHref('mailto:a@b.test')).toBe('mailto:a@b.test');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.test/x',
      'ftp://files.test',
      'https://',
      'mailto:',
      'https://exa mple.test',
      'https://e.test/"onmouseover="alert(1)',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});

describe('markdown-lite: XSS attempts stay text', () => {
  const attacks = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.test"></iframe>',
    '"><img src=x onerror=alert(1)>',
    '&lt;b&gt;entity&lt;/b&gt;',
  ];

  it.each(attacks)('renders %s as literal text', (attack) => {
    const element = dom(attack);
    expect(element.textContent).toBe(attack);
    expect(element.querySelector('img, script, svg, iframe')).toBeNull();
    // a bare https URL inside the tag may become a link; nothing else may
    for (const link of element.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    const all = element.querySelectorAll('*');
    for (const node of all) {
      for (const attribute of node.getAttributeNames()) expect(attribute.startsWith('on'), attribute).toBe(false);
    }
  });

  it('keeps javascript:, data: and vbscript: links as the text that was written', () => {
    for (const body of [
      '[click me](javascript:alert(1))',
      '[click me](JAVASCRIPT:alert(document.cookie))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](vbscript:msgbox(1))',
      '[x]( javascript:alert(1) )',
      '[x](<javascript:alert(1)>)',
      '[x](/api/tickets)',
    ]) {
      const element = dom(body);
      expect(element.querySelectorAll('a'), body).toHaveLength(0);
      expect(element.textContent, body).toBe(body);
    }
  });

  it('does not make bare javascript: or data: text into links', () => {
    const element = dom('javascript:alert(1) data:text/html,hi');
    expect(element.querySelectorAll('a')).toHaveLength(0);
  });

  it('nests markup and HTML without letting the HTML through', () => {
    const element = dom('**<img src=x onerror=alert(1)>** *[a](javascript:alert(1))* `<script>`\n```\n<script>alert(1)</script>\n```');
    expect(element.querySelector('img, script')).toBeNull();
    expect(element.querySelector('strong')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(element.querySelector('em')?.textContent).toBe('[a](javascript:alert(1))');
    expect(element.querySelector('em a')).toBeNull();
    expect(element.querySelector('pre')?.textContent).toBe('<script>alert(1)</script>');
  });

  it('keeps a quote in a URL from breaking out of the attribute', () => {
    const element = dom('[x](https://e.test/a"onclick="alert(1))');
    const link = element.querySelector('a');
    // either no link at all or one whose only attributes are href, rel and target
    if (link) expect(link.getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
    expect(element.querySelector('[onclick]')).toBeNull();
  });

  it('renders a link label with HTML as text', () => {
    const element = dom('[<img src=x onerror=alert(1)>](https://e.test)');
    const link = element.querySelector('a');
    expect(link?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(link?.querySelector('img')).toBeNull();
  });
});
