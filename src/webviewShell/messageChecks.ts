/**
 * The host's boundary check of webview messages, shared by every panel: a message is trusted only after the
 * check of its `type` passed. The checks are a record keyed by every type of the union, so a new message type
 * without a check is a compile error, and a type outside the union (or `toString`) is refused.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string of bounded length: a name, root, path or id the webview sends back. */
export function isName(value: unknown, maxLength = 4096): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

/** A non-empty list of names, at most `maxItems` long. */
export function isNameList(value: unknown, maxItems = 100_000): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= maxItems &&
    value.every((item) => isName(item))
  );
}

export type MessageChecks<M extends { readonly type: string }> = {
  readonly [K in M['type']]: (message: Record<string, unknown>) => boolean;
};

/** A type guard for the union `M` from one check per message type. */
export function messageGuard<M extends { readonly type: string }>(
  checks: MessageChecks<M>,
): (value: unknown) => value is M {
  return (value: unknown): value is M => {
    if (!isRecord(value) || typeof value.type !== 'string') return false;
    if (!Object.prototype.hasOwnProperty.call(checks, value.type)) return false;
    const check = (checks as Readonly<Record<string, (message: Record<string, unknown>) => boolean>>)[
      value.type
    ];
    return check !== undefined && check(value);
  };
}
