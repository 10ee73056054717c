import type { DagLayout } from './layout';

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node an arrow key moves to: down/up follow the edges to the nearest successor/predecessor (by
 * horizontal distance); left/right go to the nearest node on the same rank (same y).
 */
export function neighbour(layout: DagLayout, from: string, direction: Direction): string | undefined {
  const origin = layout.nodes.get(from);
  if (!origin) return undefined;
  let candidates: string[];
  if (direction === 'down')
    candidates = layout.edges.filter((edge) => edge.from === from).map((edge) => edge.to);
  else if (direction === 'up')
    candidates = layout.edges.filter((edge) => edge.to === from).map((edge) => edge.from);
  else
    candidates = [...layout.nodes]
      .filter(
        ([id, box]) =>
          id !== from &&
          Math.abs(box.y - origin.y) < 1 &&
          (direction === 'right' ? box.x > origin.x : box.x < origin.x),
      )
      .map(([id]) => id);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of candidates) {
    const box = layout.nodes.get(id);
    if (!box) continue;
    const distance = Math.abs(box.x - origin.x) + Math.abs(box.y - origin.y) / 1000;
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}
