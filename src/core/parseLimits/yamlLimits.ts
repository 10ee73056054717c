/**
 * YAML parsed within the budgets of parseLimits.ts. One pass over the AST (iterative: no stack to overflow)
 * finds how deep the document nests and how many values its aliases add once expanded, and remembers each
 * alias's target, so that readers follow an alias in O(1) instead of the yaml package's walk over the whole
 * document per alias.
 */
import {
  isAlias,
  isMap,
  isPair,
  isSeq,
  parseDocument,
  type Alias,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import {
  aliasLoopMessage,
  isTooLargeText,
  MAX_ALIAS_EXPANSION,
  MAX_NESTING_DEPTH,
  tooDeepMessage,
  tooLargeMessage,
  tooManyAliasesMessage,
} from './parseLimits';

/** A budget the text went over: what to say, and where (a character offset in the text). */
export interface LimitBreach {
  readonly message: string;
  readonly offset: number;
}

export interface BoundedYaml {
  /** The parsed document; an empty one when the text was refused before or while parsing. */
  readonly doc: Document.Parsed;
  /** Set when a budget was exceeded: the document must then not be read (its errors are not meaningful). */
  readonly breach?: LimitBreach;
}

const aliasTargets = new WeakMap<Alias, Node | null>();

/** The node an alias refers to, when the document was checked by {@link parseYamlWithinLimits}. */
export function checkedAliasTarget(alias: Alias): Node | null | undefined {
  return aliasTargets.get(alias);
}

type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** `file` names the file in messages. */
export function parseYamlWithinLimits(file: string, text: string, options: YamlOptions): BoundedYaml {
  if (isTooLargeText(text))
    return { doc: emptyDocument(), breach: { message: tooLargeMessage(file, text.length), offset: 0 } };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, options);
  } catch (error: unknown) {
    // The yaml package's parser recurses per nesting level; a stack overflow is a nesting budget exceeded.
    if (error instanceof RangeError)
      return { doc: emptyDocument(), breach: { message: tooDeepMessage(file), offset: 0 } };
    throw error;
  }
  const overflow = doc.errors.find((error) => error.message.includes('Maximum call stack size exceeded'));
  if (overflow) return { doc, breach: { message: tooDeepMessage(file), offset: overflow.pos[0] } };
  const breach = checkDocument(file, doc);
  return breach ? { doc, breach } : { doc };
}

function emptyDocument(): Document.Parsed {
  return parseDocument('');
}

interface Frame {
  readonly node: Node;
  readonly depth: number;
  /** Children already pushed: the frame is being left (its weight is the sum of its children's). */
  entered: boolean;
}

/**
 * Walks the document in the order the yaml package resolves anchors (an alias names the last anchor of that
 * name before it), computing each node's expanded weight (values, aliases expanded) and expanded depth.
 */
function checkDocument(file: string, doc: Document.Parsed): LimitBreach | undefined {
  const root = doc.contents;
  if (root === null) return undefined;
  const anchors = new Map<string, Node>();
  const weight = new Map<Node, number>();
  const height = new Map<Node, number>();
  let expandedValues = 0;
  const stack: Frame[] = [{ node: root, depth: 1, entered: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { node, depth } = frame;
    if (frame.entered) {
      stack.pop();
      let total = 1;
      let tallest = 0;
      for (const child of childrenOf(node)) {
        total += weight.get(child) ?? 1;
        tallest = Math.max(tallest, height.get(child) ?? 1);
      }
      weight.set(node, total);
      height.set(node, tallest + 1);
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) return { message: tooDeepMessage(file), offset: node.range?.[0] ?? 0 };
    if (isAlias(node)) {
      stack.pop();
      const target = anchors.get(node.source) ?? null;
      aliasTargets.set(node, target);
      if (target === null) continue;
      const targetWeight = weight.get(target);
      const targetHeight = height.get(target);
      // The anchor is still open: the alias sits inside the node it names.
      if (targetWeight === undefined || targetHeight === undefined)
        return { message: aliasLoopMessage(file, node.source), offset: node.range?.[0] ?? 0 };
      if (depth - 1 + targetHeight > MAX_NESTING_DEPTH)
        return { message: tooDeepMessage(file), offset: node.range?.[0] ?? 0 };
      expandedValues += targetWeight;
      if (expandedValues > MAX_ALIAS_EXPANSION)
        return { message: tooManyAliasesMessage(file), offset: node.range?.[0] ?? 0 };
      weight.set(node, targetWeight);
      height.set(node, targetHeight);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    frame.entered = true;
    const children = childrenOf(node);
    // Pushed in reverse so that they are visited in document order (keys before their values).
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index] as Node;
      stack.push({ node: child, depth: isMap(node) || isSeq(node) ? depth + 1 : depth, entered: false });
    }
  }
  return undefined;
}

/** A collection's keys and values in document order; nothing for scalars and aliases. */
function childrenOf(node: Node): Node[] {
  if (!isMap(node) && !isSeq(node)) return [];
  const children: Node[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (isNode(item.key)) children.push(item.key);
      if (isNode(item.value)) children.push(item.value);
    } else if (isNode(item)) {
      children.push(item);
    }
  }
  return children;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
