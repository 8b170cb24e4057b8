import { memo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

function renderInline(nodes: readonly Inline[], keyPrefix: string): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${keyPrefix}${index}`;
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'br':
        return <br key={key} />;
      case 'code':
        return (
          <code key={key} className="md-code">
            {node.text}
          </code>
        );
      case 'strong':
        return <strong key={key}>{renderInline(node.children, `${key}.`)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(node.children, `${key}.`)}</em>;
      case 'link':
        return (
          <a key={key} href={node.href} rel="noopener noreferrer" target="_blank">
            {renderInline(node.children, `${key}.`)}
          </a>
        );
    }
  });
}

function renderBlock(block: Block, index: number): ReactNode {
  if (block.kind === 'code') {
    return (
      <pre key={index} className="md-pre" data-language={block.language}>
        <code>{block.text}</code>
      </pre>
    );
  }
  return <p key={index}>{renderInline(block.children, `${index}.`)}</p>;
}

/**
 * A message body as markdown-lite (see markdown.ts), built from React elements only: what the user
 * typed is always text, never markup, and only http/https/mailto links are made.
 */
export const MessageBody = memo(function MessageBody({ body }: { body: string }) {
  const blocks = parseMarkdown(body);
  if (blocks.length === 0) return null;
  return (
    <div className="message-body" data-testid="message-body">
      {blocks.map(renderBlock)}
    </div>
  );
});
