import { IntrusiveList } from './intrusive-list';

interface Node<K, V> {
  key: K;
  value: V;
  /** Increases on every write; orders entries across the two lists. */
  touch: number;
  finished: boolean;
  prev: Node<K, V> | null;
  next: Node<K, V> | null;
}

/**
 * A map with a size limit that evicts the least recently written entry, preferring
 * entries that are finished (a filled order, a settled bet) over ones still in play.
 *
 * One Map indexes the nodes; two intrusive lists (finished, in play) keep them in write
 * order. Every operation is O(1): a write moves the node to the end of its list, eviction
 * takes the first node of the finished list, or of the in-play list when none is finished.
 */
export class BoundedRecordMap<K, V> {
  readonly capacity: number;
  private readonly nodes = new Map<K, Node<K, V>>();
  private readonly inPlay = new IntrusiveList<Node<K, V>>();
  private readonly finished = new IntrusiveList<Node<K, V>>();
  private touches = 0;
  /**
   * The node the last `get` found, so that the usual read-merge-write of one record looks
   * its key up once. Always a node still in the map: removals forget it.
   */
  private lastRead: Node<K, V> | undefined;

  constructor(
    capacity: number,
    private readonly isFinished: (value: V) => boolean,
    /** Called for each entry pushed out by the size limit (not for delete or clear). */
    private readonly onEvict?: (key: K, value: V) => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`map capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.nodes.size;
  }

  get(key: K): V | undefined {
    const node = this.nodes.get(key);
    this.lastRead = node;
    return node?.value;
  }

  has(key: K): boolean {
    return this.nodes.has(key);
  }

  /** Stores the value as the most recently written one, then evicts down to capacity. */
  set(key: K, value: V): void {
    const read = this.lastRead;
    let node = read !== undefined && read.key === key ? read : this.nodes.get(key);
    if (node) {
      (node.finished ? this.finished : this.inPlay).remove(node);
      node.value = value;
    } else {
      node = { key, value, touch: 0, finished: false, prev: null, next: null };
      this.nodes.set(key, node);
    }
    this.touches += 1;
    node.touch = this.touches;
    node.finished = this.isFinished(value);
    (node.finished ? this.finished : this.inPlay).append(node);
    while (this.nodes.size > this.capacity) this.evictOne();
  }

  delete(key: K): boolean {
    const node = this.nodes.get(key);
    if (!node) return false;
    if (node === this.lastRead) this.lastRead = undefined;
    this.nodes.delete(key);
    (node.finished ? this.finished : this.inPlay).remove(node);
    return true;
  }

  clear(): void {
    this.lastRead = undefined;
    this.nodes.clear();
    this.inPlay.clear();
    this.finished.clear();
  }

  /** Values, least recently written first. O(n): for snapshots, not the hot path. */
  values(): V[] {
    const out: V[] = [];
    let a = this.finished.first;
    let b = this.inPlay.first;
    while (a || b) {
      if (a && (!b || a.touch < b.touch)) {
        out.push(a.value);
        a = a.next;
      } else if (b) {
        out.push(b.value);
        b = b.next;
      }
    }
    return out;
  }

  private evictOne(): void {
    const oldest = this.finished.first ?? this.inPlay.first;
    if (!oldest) return;
    if (oldest === this.lastRead) this.lastRead = undefined;
    this.nodes.delete(oldest.key);
    (oldest.finished ? this.finished : this.inPlay).remove(oldest);
    this.onEvict?.(oldest.key, oldest.value);
  }
}
