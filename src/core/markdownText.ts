/**
 * Workspace text (a path, a name, a commit subject) placed inside markdown we build ourselves, e.g. the text
 * of a hover's command link. CommonMark lets a backslash escape any ASCII punctuation, so every one of them is
 * escaped: a path such as `x](command:…)` or `![t](https://…)` stays text instead of becoming a link or an
 * image that loads from a server. Line breaks become spaces (a link text is one line).
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(ASCII_PUNCTUATION, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, ' ');
}
