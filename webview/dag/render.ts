import type { DagNodeView, DagSnapshot } from '../../src/core/protocols/dagProtocol';
import { svgElement } from '../shared/dom';
import { formatDuration } from './durations';
import { nodeDetail } from './nodeText';
import type { DagLayout, Point } from './layout';
import { runStateLabels, statusLabels } from './statusText';

export interface RenderedDag {
  /** The group that zoom and pan transform. */
  readonly scene: SVGGElement;
  readonly nodeElements: ReadonlyMap<string, SVGGElement>;
}

function edgePath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  return `M${first.x},${first.y}` + rest.map((point) => `L${point.x},${point.y}`).join('');
}

function describe(node: DagNodeView): string {
  const parts = [node.qualifiedName, statusLabels[node.status]];
  if (node.runState) parts.push(runStateLabels[node.runState]);
  if (node.lastDurationMs !== undefined) parts.push(`last run ${formatDuration(node.lastDurationMs)}`);
  return parts.join(', ');
}

function nodeElement(node: DagNodeView, x: number, y: number, width: number, height: number): SVGGElement {
  const classes = ['node', node.source ? 'source' : `status-${node.status}`];
  if (node.runState) classes.push(`run-${node.runState}`);
  const group = svgElement('g', {
    class: classes.join(' '),
    transform: `translate(${x - width / 2},${y - height / 2})`,
    tabindex: -1,
    role: 'treeitem',
    'aria-label': describe(node),
    'data-id': node.id,
  });
  group.append(
    svgElement('title', {}, describe(node)),
    svgElement('rect', { class: 'node-box', width, height, rx: 4 }),
    svgElement('rect', { class: 'node-stripe', width: 5, height, rx: 2 }),
    svgElement('text', { class: 'node-label', x: 14, y: 19 }, node.label),
  );
  group.append(svgElement('text', { class: 'node-detail', x: 14, y: 36 }, nodeDetail(node)));
  if (node.runState === 'running' || node.runState === 'queued')
    group.append(
      svgElement('rect', { class: 'node-progress', x: 5, y: height - 3, width: width - 5, height: 3 }),
    );
  return group;
}

/** Draws the laid-out graph into `svg` with DOM calls only; every workspace string is set as text. */
export function renderDag(svg: SVGSVGElement, snapshot: DagSnapshot, layout: DagLayout): RenderedDag {
  svg.replaceChildren();
  const defs = svgElement('defs');
  const marker = svgElement('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svgElement('path', { d: 'M0,0L10,5L0,10z', class: 'edge-arrow' }));
  defs.append(marker);
  const scene = svgElement('g', { class: 'scene' });
  const groupLayer = svgElement('g', { class: 'groups' });
  for (const group of snapshot.groups) {
    const box = layout.groups.get(group.id);
    if (!box) continue;
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2;
    groupLayer.append(
      svgElement('rect', {
        class: 'group-box',
        x: left,
        y: top,
        width: box.width,
        height: box.height,
        rx: 6,
      }),
      svgElement('text', { class: 'group-label', x: left + 8, y: top + 14 }, group.label),
    );
  }
  const edgeLayer = svgElement('g', { class: 'edges' });
  for (const edge of layout.edges)
    edgeLayer.append(
      svgElement('path', {
        class: 'edge',
        d: edgePath(edge.points),
        'marker-end': 'url(#arrow)',
        'data-from': edge.from,
        'data-to': edge.to,
      }),
    );
  const nodeLayer = svgElement('g', { class: 'nodes', role: 'tree', 'aria-label': 'Pipeline stages' });
  const nodeElements = new Map<string, SVGGElement>();
  for (const node of snapshot.nodes) {
    const box = layout.nodes.get(node.id);
    if (!box) continue;
    const element = nodeElement(node, box.x, box.y, box.width, box.height);
    nodeElements.set(node.id, element);
    nodeLayer.append(element);
  }
  scene.append(groupLayer, edgeLayer, nodeLayer);
  svg.append(defs, scene);
  return { scene, nodeElements };
}
