export interface ListNode<N> {
  prev: N | null;
  next: N | null;
}

/**
 * A doubly linked list threaded through its nodes: O(1) append, remove anywhere and take
 * the first, with no allocation of its own. Queue-like uses need it because a plain Map is
 * slow there: V8 leaves a hole per deleted entry until the next rehash, so reading the first
 * key after many deletions from the front scans all of them.
 */
export class IntrusiveList<N extends ListNode<N>> {
  private headNode: N | null = null;
  private tailNode: N | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get first(): N | null {
    return this.headNode;
  }

  get last(): N | null {
    return this.tailNode;
  }

  append(node: N): void {
    node.prev = this.tailNode;
    node.next = null;
    if (this.tailNode) this.tailNode.next = node;
    else this.headNode = node;
    this.tailNode = node;
    this.count += 1;
  }

  /** Removes a node that is in this list. */
  remove(node: N): void {
    if (node.prev) node.prev.next = node.next;
    else this.headNode = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tailNode = node.prev;
    node.prev = null;
    node.next = null;
    this.count -= 1;
  }

  clear(): void {
    this.headNode = null;
    this.tailNode = null;
    this.count = 0;
  }
}
