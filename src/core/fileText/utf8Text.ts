/**
 * Workspace files as DVC reads them: strictly UTF-8. DVC opens dvc.yaml and params files with Python's
 * `utf-8` codec and refuses the file at the first invalid byte ("unable to read: 'dvc.yaml', is not valid
 * utf-8: 'utf-8' codec can't decode byte 0xe9 in position 28: invalid continuation byte", DVC 3.67.1), where a
 * lenient decoder would quietly turn Latin-1 into replacement characters.
 */

export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly byteOffset: number };

const strict = new TextDecoder('utf-8', { fatal: true });

/** `file` names the file in the message. */
export function decodeUtf8(file: string, bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const invalid = firstInvalidUtf8(bytes) ?? { offset: 0, reason: 'invalid start byte' };
    const byte = (bytes[invalid.offset] ?? 0).toString(16).padStart(2, '0');
    return {
      ok: false,
      message: `'${file}' is not valid UTF-8: byte 0x${byte} at position ${invalid.offset} (${invalid.reason}); DVC refuses to read it`,
      byteOffset: invalid.offset,
    };
  }
}

/** The first byte where a UTF-8 decoder stops, with Python's reason for stopping. */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; reason: string } | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) return { offset: index, reason: 'invalid start byte' };
    for (let next = 1; next < length; next++) {
      if (index + next >= bytes.length) return { offset: index, reason: 'unexpected end of data' };
      const byte = bytes[index + next] as number;
      const [low, high] = next === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      if (byte < low || byte > high) return { offset: index, reason: 'invalid continuation byte' };
    }
    index += length;
  }
  return undefined;
}

/** Overlong forms, surrogates and code points above U+10FFFF are ruled out by the second byte. */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}
