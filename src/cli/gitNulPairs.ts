/** Lines of `a\0b` (git formats with `%x00`): the pairs. */
export function nulPairs(output: string): Array<[string, string]> {
  return output
    .split('\n')
    .filter((line) => line.includes('\0'))
    .map((line) => {
      const [first = '', second = ''] = line.split('\0');
      return [first, second];
    });
}
