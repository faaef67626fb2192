import { IntrusiveList } from './intrusive-list';

interface Node<K, V> {
  key: K;
  value: V;
  prev: Node<K, V> | null;
  next: Node<K, V> | null;
}

/** A map kept in order of last write: O(1) set (moves to the end), delete, and take the first. */
export class LinkedMap<K, V> {
  private readonly nodes = new Map<K, Node<K, V>>();
  private readonly order = new IntrusiveList<Node<K, V>>();

  get size(): number {
    return this.nodes.size;
  }

  get(key: K): V | undefined {
    return this.nodes.get(key)?.value;
  }

  has(key: K): boolean {
    return this.nodes.has(key);
  }

  /** Sets the value and makes the key the last one. */
  set(key: K, value: V): void {
    let node = this.nodes.get(key);
    if (node) {
      node.value = value;
      if (node === this.order.last) return;
      this.order.remove(node);
    } else {
      node = { key, value, prev: null, next: null };
      this.nodes.set(key, node);
    }
    this.order.append(node);
  }

  delete(key: K): boolean {
    const node = this.nodes.get(key);
    if (!node) return false;
    this.nodes.delete(key);
    this.order.remove(node);
    return true;
  }

  firstValue(): V | undefined {
    return this.order.first?.value;
  }

  /** Removes and returns the first entry. */
  shift(): [K, V] | undefined {
    const node = this.order.first;
    if (!node) return undefined;
    this.nodes.delete(node.key);
    this.order.remove(node);
    return [node.key, node.value];
  }

  /** Removes the first entry and returns its value (no [key, value] pair, unlike shift). */
  shiftValue(): V | undefined {
    const node = this.order.first;
    if (!node) return undefined;
    this.nodes.delete(node.key);
    this.order.remove(node);
    return node.value;
  }

  /** Replaces every value by `update(value)`, keeping the order. */
  updateValues(update: (value: V) => V): void {
    for (let node = this.order.first; node; node = node.next) node.value = update(node.value);
  }

  clear(): void {
    this.nodes.clear();
    this.order.clear();
  }

  /** Values first to last. Do not modify the map while iterating. */
  *values(): IterableIterator<V> {
    for (let node = this.order.first; node; node = node.next) yield node.value;
  }
}
