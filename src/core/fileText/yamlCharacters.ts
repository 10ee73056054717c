/**
 * The characters DVC's YAML loader (ruamel.yaml) refuses anywhere in a file: C0 controls other than tab, line
 * feed and carriage return, DEL, the C1 controls other than NEL, and U+FFFE/U+FFFF. DVC 3.67.1 then says
 * "YAML file structure is corrupted: unacceptable character #x0000: special characters are not allowed"; the
 * yaml package would read the file, so this check is ours.
 */

const nonPrintable = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The first character ruamel.yaml refuses, as DVC names it (`#x0000`), and its offset; undefined if none. */
export function unacceptableYamlCharacter(
  text: string,
): { readonly offset: number; readonly code: string } | undefined {
  const match = nonPrintable.exec(text);
  if (!match) return undefined;
  const code = (match[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0');
  return { offset: match.index, code: `#x${code}` };
}

export function unacceptableCharacterMessage(file: string, code: string): string {
  return `'${file}': unacceptable character ${code}: special characters are not allowed (DVC refuses the file)`;
}
