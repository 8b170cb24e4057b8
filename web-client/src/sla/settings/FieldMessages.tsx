/** Messages beside a field (its id is what the input's aria-describedby names). */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <span id={id} className="field-error" data-testid="field-error">
      {messages.join(' ')}
    </span>
  );
}

/** Messages of a problem that name no field of the form. */
export function FormMessages({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-error" data-testid="form-errors">
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}
